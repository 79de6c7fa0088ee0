package dev.sonda.server;

/**
 * Ends a request with a response other than success; thrown by route code, answered by the front.
 * Carries no stack trace: it is control flow, and its message is already the response's text.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The response to send. */
    @SuppressWarnings("serial") // never serialized
    private final Response response;

    ApiException(Response response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    /** The common envelope {@code {"detail": ..., "error": code}}. */
    static ApiException of(int status, String code, String detail) {
        return new ApiException(Response.json(status, Json.envelope(code, detail)));
    }

    static ApiException badRequest(String detail) {
        return of(400, "bad_request", detail);
    }

    static ApiException unprocessable(String detail) {
        return of(422, "unprocessable_entity", detail);
    }

    static ApiException notFound(String detail) {
        return of(404, "not_found", detail);
    }

    Response response() {
        return response;
    }
}
