import { Image } from 'antd';

/** An image attachment in antd's full-screen preview: attachment-list.tsx loads it when 预览 is first clicked. */
export function ImagePreview({ src, onClose }: { src: string; onClose: () => void }) {
  return (
    <Image
      src={src}
      alt="佐证材料预览"
      style={{ display: 'none' }}
      preview={{ open: true, src, onOpenChange: (open) => !open && onClose() }}
    />
  );
}
