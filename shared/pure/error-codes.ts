/**
 * Every code the API puts in an error's `extensions.code`, once: what it means over HTTP and the words an official
 * reads when the message itself has none in Vietnamese. The server's errors take their codes from here (DomainError,
 * the gateway's refusals, the exports' HTTP statuses) and the pages their words.
 */
export interface ErrorCodeFacts {
  /** The HTTP status an answer carrying only this error has (or would have, for a refusal over a WebSocket). */
  http: number;
  /** What an official reads when the API's message is not in Vietnamese. */
  vi: string;
}

export const ERROR_CODES = {
  BAD_USER_INPUT: { http: 400, vi: 'Dữ liệu nhập chưa đúng; hãy sửa rồi gửi lại.' },
  NOT_FOUND: { http: 404, vi: 'Không tìm thấy mục này.' },
  FORBIDDEN: { http: 403, vi: 'Không có quyền xem hoặc sửa mục này.' },
  UNAUTHENTICATED: { http: 401, vi: 'Cần đăng nhập lại: phiên đăng nhập đã hết hạn hoặc không hợp lệ.' },
  CONFLICT: { http: 409, vi: 'Dữ liệu đã thay đổi ở nơi khác; hãy tải lại trang rồi thử lại.' },
  RATE_LIMITED: { http: 429, vi: 'Thử quá nhiều lần; hãy đợi một lúc rồi thử lại.' },
  SERVICE_UNAVAILABLE: { http: 503, vi: 'Hệ thống tạm thời bận hoặc đang khởi động lại; hãy thử lại sau ít giây.' },
  RELOAD_REQUIRED: { http: 409, vi: 'Số liệu đã thay đổi nhiều; trang đang tải lại toàn bộ.' },
  QUERY_TOO_COMPLEX: { http: 400, vi: 'Yêu cầu quá lớn; hãy xem ít mục hơn mỗi lần.' },
  TOO_MANY_SUBSCRIPTIONS: { http: 429, vi: 'Đang mở quá nhiều trang theo dõi trực tiếp; hãy đóng bớt.' },
  REQUEST_TOO_LARGE: { http: 413, vi: 'Dữ liệu gửi lên quá lớn.' },
  BAD_REQUEST: { http: 400, vi: 'Yêu cầu không hợp lệ.' },
  GRAPHQL_PARSE_FAILED: { http: 400, vi: 'Yêu cầu không hợp lệ (lỗi cú pháp).' },
  GRAPHQL_VALIDATION_FAILED: { http: 400, vi: 'Yêu cầu không hợp lệ với API hiện tại; hãy tải lại trang.' },
  INTERNAL_SERVER_ERROR: { http: 500, vi: 'Hệ thống gặp lỗi; hãy thử lại, nếu vẫn lỗi hãy báo cho quản trị.' },
} as const satisfies Record<string, ErrorCodeFacts>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes domain code throws (shared/pure/errors.ts); the others come from the gateway and graphql-js. */
export type DomainErrorCode = Extract<
  ErrorCode,
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'RATE_LIMITED'
>;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/** The HTTP status of a code; 500 for a code the table does not know (or none). */
export function httpStatusOf(code: unknown): number {
  return isErrorCode(code) ? ERROR_CODES[code].http : 500;
}
