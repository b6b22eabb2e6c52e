import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/access.decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../common/errors/all-exceptions.filter.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { ShutdownState } from '../../common/shutdown-state.js';

export class HealthDto {
  @ApiProperty({ example: 'ok' })
  status: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  getHealth(): HealthDto {
    return { status: 'ok' };
  }

  // Ready when PostgreSQL answers; 503 DATABASE_UNAVAILABLE otherwise, so a load balancer stops sending traffic.
  // 503 SHUTTING_DOWN from the moment the process is told to stop (SIGTERM), while its last requests finish.
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto })
  async getReadiness(): Promise<HealthDto> {
    if (this.shutdown.draining) {
      throw new AppError('SHUTTING_DOWN', undefined, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
    }
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppError('DATABASE_UNAVAILABLE', undefined, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
    }
    return { status: 'ok' };
  }
}
