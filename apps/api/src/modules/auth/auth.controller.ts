import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Public, SignedIn } from '../../common/auth/access.decorators.js';
import { SESSION_COOKIE } from '../../common/auth/session.guard.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { AppConfig } from '../../config/app-config.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { LoginResponseDto, SessionUserDto } from './dto/session-user.dto.js';

type SessionRequest = Request & { actor: { id: string }; sessionId: string; csrfToken: string };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  private cookieOptions(request: Request): CookieOptions {
    const secure = this.config.COOKIE_SECURE === 'auto' ? request.secure : this.config.COOKIE_SECURE === 'true';
    return { httpOnly: true, sameSite: 'strict', path: '/', secure };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponseDto> {
    const { token, user } = await this.auth.login(dto, { ip: request.ip ?? null, userAgent: request.header('user-agent') ?? null });
    response.cookie(SESSION_COOKIE, token, this.cookieOptions(request));
    return { user, csrfToken: user.csrfToken };
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: SessionRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request.sessionId);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions(request));
  }

  @SignedIn()
  @Get('me')
  @ApiOkResponse({ type: SessionUserDto })
  async getMe(@Req() request: SessionRequest): Promise<SessionUserDto> {
    return this.auth.describe(request.actor.id, request.csrfToken);
  }
}
