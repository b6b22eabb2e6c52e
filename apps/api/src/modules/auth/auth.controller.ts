import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Public, SignedIn } from '../../common/auth/access.decorators.js';
import { SESSION_COOKIE } from '../../common/auth/session.guard.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import type { Actor } from '../../common/http/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { ALL_GATES, AllowDuring } from './account-gate.js';
import { AuthService, type ClientMeta } from './auth.service.js';
import { ChangePasswordDto, DisableMfaDto, EnableMfaDto, LoginDto, LoginMfaDto } from './dto/login.dto.js';
import {
  LoginResponseDto,
  MfaChallengeDto,
  MfaRecoveryCodesDto,
  MfaSetupDto,
  MfaStatusDto,
  SessionUserDto,
} from './dto/session-user.dto.js';
import { MfaService } from './mfa.service.js';

type SessionRequest = Request & { actor: Actor; sessionId: string; csrfToken: string };

@ApiTags('auth')
@ApiExtraModels(LoginResponseDto, MfaChallengeDto)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
    private readonly config: AppConfig,
  ) {}

  private cookieOptions(request: Request): CookieOptions {
    const secure = this.config.COOKIE_SECURE === 'auto' ? request.secure : this.config.COOKIE_SECURE === 'true';
    return { httpOnly: true, sameSite: 'strict', path: '/', secure };
  }

  private meta(request: Request): ClientMeta {
    return { ip: request.ip ?? null, userAgent: request.header('user-agent') ?? null };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      '`{ user, csrfToken }` and the session cookie; or `{ mfaRequired, mfaToken }` (no session) when the account has a second factor',
    schema: { oneOf: [{ $ref: getSchemaPath(LoginResponseDto) }, { $ref: getSchemaPath(MfaChallengeDto) }] },
  })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto })
  async login(
    @Body() dto: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto | MfaChallengeDto> {
    const result = await this.auth.login(dto, this.meta(request));
    if (result.kind === 'mfa') return { mfaRequired: true, mfaToken: result.mfaToken };
    response.cookie(SESSION_COOKIE, result.token, this.cookieOptions(request));
    return { user: result.user, csrfToken: result.user.csrfToken };
  }

  @Public()
  @Post('login/mfa')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto })
  async loginMfa(
    @Body() dto: LoginMfaDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto> {
    const result = await this.auth.loginMfa(dto, this.meta(request));
    response.cookie(SESSION_COOKIE, result.token, this.cookieOptions(request));
    return { user: result.user, csrfToken: result.user.csrfToken };
  }

  @SignedIn()
  @AllowDuring(...ALL_GATES)
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() request: SessionRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request.sessionId);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions(request));
    // the browser drops whatever it cached or stored for this site (SEC-41)
    response.setHeader('Clear-Site-Data', '"cache", "storage"');
  }

  @SignedIn()
  @AllowDuring(...ALL_GATES)
  @Get('me')
  @ApiOkResponse({ type: SessionUserDto })
  async getMe(@Req() request: SessionRequest): Promise<SessionUserDto> {
    return this.auth.describe(request.actor.id, request.csrfToken);
  }

  @SignedIn()
  @AllowDuring(...ALL_GATES)
  @Put('password')
  @ApiOkResponse({
    type: SessionUserDto,
    description: 'the session stays signed in; every other session of the account ends',
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  changePassword(@Body() dto: ChangePasswordDto, @Req() request: SessionRequest): Promise<SessionUserDto> {
    return this.auth.changePassword(request.actor, request.sessionId, request.csrfToken, dto);
  }

  @SignedIn()
  @AllowDuring(...ALL_GATES)
  @Get('mfa')
  @ApiOkResponse({ type: MfaStatusDto })
  getMfaStatus(@Req() request: SessionRequest): Promise<MfaStatusDto> {
    return this.mfa.status(request.actor);
  }

  @SignedIn()
  @AllowDuring('MFA_ENROLLMENT_REQUIRED')
  @Post('mfa/setup')
  @HttpCode(200)
  @ApiOkResponse({ type: MfaSetupDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  setupMfa(@Req() request: SessionRequest): Promise<MfaSetupDto> {
    return this.mfa.setup(request.actor);
  }

  @SignedIn()
  @AllowDuring('MFA_ENROLLMENT_REQUIRED')
  @Post('mfa/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: MfaRecoveryCodesDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  enableMfa(@Body() dto: EnableMfaDto, @Req() request: SessionRequest): Promise<MfaRecoveryCodesDto> {
    return this.mfa.enable(request.actor, request.sessionId, dto.code);
  }

  @SignedIn()
  @Post('mfa/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: MfaStatusDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  disableMfa(@Body() dto: DisableMfaDto, @Req() request: SessionRequest): Promise<MfaStatusDto> {
    return this.mfa.disable(request.actor, request.sessionId, dto);
  }
}
