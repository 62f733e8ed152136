/**
 * The parts of oidc-provider 9 that the sandbox record uses (the package ships no types). Development
 * only: the sandbox is never part of the app.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface GrantInstance {
    jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    addResourceScope(resource: string, scope: string): void;
    getOIDCScope(): string;
    save(): Promise<string>;
    destroy(): Promise<void>;
  }

  export interface GrantStatic {
    new (properties: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  }

  export interface AccessTokenInstance {
    jti: string;
    grantId: string;
    scope?: string;
    aud?: string | string[];
    accountId: string;
    clientId: string;
    isExpired: boolean;
    destroy(): Promise<void>;
  }

  export interface InteractionDetails {
    uid: string;
    returnTo: string;
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    params: Record<string, string | undefined>;
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface ProviderContext {
    path: string;
    method: string;
    status: number;
    query: Record<string, string | string[] | undefined>;
    body: unknown;
    oidc?: {
      params?: Record<string, unknown>;
      entities?: {
        AuthorizationCode?: { scope?: string; grantId?: string };
        RefreshToken?: { scope?: string; grantId?: string };
        AccessToken?: AccessTokenInstance;
      };
      result?: { consent?: { grantId?: string } };
    };
  }

  export type Middleware = (ctx: ProviderContext, next: () => Promise<void>) => Promise<void>;

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly Grant: GrantStatic;
    readonly AccessToken: { find(token: string): Promise<AccessTokenInstance | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: Middleware): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export const errors: {
    InvalidRequest: new (description?: string) => Error;
    InvalidTarget: new (description?: string) => Error;
  };
}
