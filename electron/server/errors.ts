import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ApiError, errorBody } from '@shared/api/errors';

export { ApiError, errorBody, notFound } from '@shared/api/errors';

const FASTIFY_CODES: Record<string, { status: number; code: string; zh: string; en: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    zh: '请求内容过大',
    en: 'Request body too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    zh: '不支持的内容类型，请发送 JSON',
    en: 'Unsupported content type; send JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'empty_body',
    zh: '请求体为空',
    en: 'The request body is empty',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_json',
    zh: '请求体不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
};

const ROUTER_CODES: Record<string, { status: number; code: string; zh: string; en: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', zh: '请求地址格式不正确', en: 'Malformed request URL' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'path_too_long',
    zh: '请求地址中的参数过长',
    en: 'A parameter in the request path is too long',
  },
};

/**
 * Errors the router raises before any route or error handler runs (Fastify's `frameworkErrors` option):
 * without this they reach the client in Fastify's own English-only shape.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_CODES[err.code] ?? {
    status: 400,
    code: 'bad_request',
    zh: '请求格式不正确',
    en: 'Malformed request',
  };
  void reply.status(known.status).send(errorBody(known.code, known.zh, known.en));
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError | ZodError | Error, req, reply) => {
    if (err instanceof ApiError) {
      return reply.status(err.status).send(errorBody(err.code, err.zh, err.en, err.details));
    }
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = details[0];
      const where = first ? `${first.path || '(body)'}: ${first.message}` : '';
      return reply
        .status(400)
        .send(errorBody('invalid_input', `输入有误 ${where}`, `Invalid input ${where}`, details));
    }
    const fe = err as FastifyError;
    const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, known.zh, known.en));
    if (fe instanceof SyntaxError || fe.statusCode === 400) {
      return reply.status(400).send(errorBody('bad_request', '请求格式不正确', 'Malformed request'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(errorBody('bad_request', '请求无法处理', fe.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('internal', '系统内部错误，请联系管理员', 'Internal error; please contact support'));
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send(
        errorBody(
          'no_route',
          `接口不存在：${req.method} ${req.url.split('?')[0]}`,
          `No such endpoint: ${req.method} ${req.url.split('?')[0]}`,
        ),
      );
  });
}
