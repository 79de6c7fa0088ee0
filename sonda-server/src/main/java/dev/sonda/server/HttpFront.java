package dev.sonda.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every request passes here (sinks-cli-server §4.2, §4.3): routing (404 and 405 with empty
 * bodies), then on the control routes the body limit by {@code Content-Length} (413), then
 * authentication (401), the concurrency cap (429), the body read within the limit (413), and the
 * handler within the request timeout (408, empty body). Requests that passed authentication on the
 * observability and control routes are counted in the server's metrics, except 408s and the
 * concurrency cap's 429s. No response body carries a stack trace.
 */
final class HttpFront implements HttpHandler {
    /** How long a control request waits for one of the {@code --max-inflight-requests} slots. */
    private static final long PERMIT_WAIT_MILLIS = 1000;

    private enum Group {
        PUBLIC,
        OBSERVABILITY,
        CONTROL
    }

    /** A matched route: its template (the metrics' {@code route} label), group, methods and id. */
    private record Route(String template, Group group, List<String> methods, String id) {}

    private final ServerContext ctx;
    private final ScenarioApi scenarios;
    private final EventApi events;
    private final Semaphore inflight;
    private final ExecutorService work;
    private final byte[] apiKey;
    private final long timeoutNanos;
    private final int maxBodyBytes;

    HttpFront(ServerContext ctx, ExecutorService work) {
        this.ctx = ctx;
        this.scenarios = new ScenarioApi(ctx);
        this.events = new EventApi(ctx);
        this.inflight = new Semaphore(ctx.settings.maxInflight());
        this.work = work;
        String key = ctx.settings.apiKey();
        this.apiKey = key == null || key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8);
        this.timeoutNanos = ctx.settings.requestTimeout().toNanos();
        this.maxBodyBytes = ctx.settings.maxBodyBytes();
    }

    ScenarioApi scenarios() {
        return scenarios;
    }

    @Override
    public void handle(HttpExchange ex) {
        long t0 = System.nanoTime();
        try {
            send(ex, dispatch(ex, t0));
        } catch (IOException e) {
            // the client went away
        } catch (RuntimeException | Error e) {
            ctx.log.accept("ERROR request " + ex.getRequestMethod() + " "
                    + ex.getRequestURI().getRawPath() + " failed: " + trace(e));
            try {
                send(
                        ex,
                        Response.json(
                                500, Json.envelope("internal_server_error", "internal error; see the server log")));
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent
            }
        } finally {
            ex.close();
        }
    }

    private Response dispatch(HttpExchange ex, long t0) throws IOException {
        String method = ex.getRequestMethod();
        Route route = route(ex.getRequestURI().getRawPath());
        if (route == null) {
            return Response.empty(404);
        }
        if (!route.methods().contains(method)) {
            return Response.empty(405).withHeader("Allow", String.join(", ", route.methods()));
        }
        if (route.group() == Group.PUBLIC) {
            ObjectNode ok = Json.object();
            ok.put("status", "ok");
            return Response.json(200, ok);
        }
        long declared = route.group() == Group.CONTROL ? declaredLength(ex) : -1;
        if (declared > maxBodyBytes) {
            if (declared <= drainCap()) {
                drain(ex.getRequestBody());
            }
            return tooLarge();
        }
        Response denied = authenticate(ex);
        if (denied != null) {
            return denied;
        }
        if (route.group() == Group.OBSERVABILITY) {
            return counted(route, method, t0, observe(route, ex));
        }
        try {
            if (!inflight.tryAcquire(PERMIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return Response.json(
                                429,
                                Json.envelope(
                                        "too_many_requests",
                                        ctx.settings.maxInflight() + " requests in flight (--max-inflight-requests "
                                                + ctx.settings.maxInflight() + "); retry later"))
                        .withHeader("Retry-After", "1");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.empty(503);
        }
        boolean handedOff = false;
        try {
            byte[] body;
            if (method.equals("POST")) {
                body = readBody(ex.getRequestBody());
                if (body == null) {
                    drain(ex.getRequestBody());
                    return counted(route, method, t0, tooLarge());
                }
            } else {
                body = new byte[0];
            }
            long remaining = timeoutNanos - (System.nanoTime() - t0);
            if (remaining <= 0) {
                return Response.empty(408);
            }
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            String query = ex.getRequestURI().getRawQuery();
            Future<Response> f = work.submit(() -> {
                try {
                    return control(route, method, body, contentType, query);
                } catch (ApiException e) {
                    return e.response();
                } finally {
                    inflight.release();
                }
            });
            handedOff = true;
            try {
                return counted(route, method, t0, f.get(remaining, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                ctx.log.accept("WARN request " + method + " " + route.template() + " exceeded --request-timeout");
                return Response.empty(408);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Response.empty(503);
            }
        } finally {
            if (!handedOff) {
                inflight.release();
            }
        }
    }

    private Response observe(Route route, HttpExchange ex) {
        try {
            return switch (route.template()) {
                case "/metrics" -> new Response(
                        200,
                        Response.PROMETHEUS,
                        ctx.metrics.render(ctx.store.all(), ctx.settings.maxScenarios()),
                        Map.of());
                case "/scenarios/metrics" -> scenarios.aggregate(
                        ex.getRequestURI().getRawQuery());
                case "/scenarios/{id}/metrics" -> scenarios.metrics(route.id());
                case "/scenarios/{id}/stats" -> scenarios.stats(route.id());
                default -> Response.empty(404);
            };
        } catch (ApiException e) {
            return e.response();
        }
    }

    private Response control(Route route, String method, byte[] body, String contentType, String query)
            throws InterruptedException {
        return switch (route.template() + " " + method) {
            case "/scenarios POST" -> scenarios.post(body, contentType, query);
            case "/scenarios GET" -> scenarios.list();
            case "/scenarios/{id} GET" -> scenarios.get(route.id());
            case "/scenarios/{id} DELETE" -> scenarios.delete(route.id());
            case "/events POST" -> events.post(body);
            default -> Response.empty(405);
        };
    }

    private Response counted(Route route, String method, long t0, Response r) {
        ctx.metrics.record(route.template(), method, r.status(), (System.nanoTime() - t0) / 1e9);
        return r;
    }

    private Response tooLarge() {
        return Response.text(
                413, Response.TEXT, "request body exceeds " + maxBodyBytes + " bytes (--max-body-bytes)\n");
    }

    /**
     * §4.3: {@code Authorization: Bearer <key>}, the scheme case-insensitive, the key compared in
     * constant time; null when the request may go on.
     */
    private Response authenticate(HttpExchange ex) {
        if (apiKey == null) {
            return null;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        int space = header == null ? -1 : header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("bearer") || header.length() == space + 1) {
            return unauthorized("missing or malformed Authorization header");
        }
        byte[] token = header.substring(space + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, apiKey)) {
            return unauthorized("invalid API key");
        }
        return null;
    }

    private static Response unauthorized(String detail) {
        return Response.json(401, Json.envelope("unauthorized", detail)).withHeader("WWW-Authenticate", "Bearer");
    }

    private static long declaredLength(HttpExchange ex) {
        String cl = ex.getRequestHeaders().getFirst("Content-Length");
        if (cl == null) {
            return -1;
        }
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * How much of a refused body is read and thrown away before the 413 goes out, so a client that
     * is still sending reads the answer instead of a reset connection: 8 times the limit, at most
     * 64 MiB; a longer body gets its connection closed.
     */
    private long drainCap() {
        return Math.min(8L * maxBodyBytes, 64L << 20);
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        long left = drainCap();
        try {
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** The body, or null once it passes the limit. */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > maxBodyBytes) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        if (r.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = r.body();
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** §4.2: the route of a raw path; {@code /scenarios/metrics} wins over {@code /scenarios/{id}}. */
    private static Route route(String path) {
        switch (path) {
            case "/health":
                return new Route("/health", Group.PUBLIC, List.of("GET"), null);
            case "/metrics":
                return new Route("/metrics", Group.OBSERVABILITY, List.of("GET"), null);
            case "/events":
                return new Route("/events", Group.CONTROL, List.of("POST"), null);
            case "/scenarios":
                return new Route("/scenarios", Group.CONTROL, List.of("GET", "POST"), null);
            case "/scenarios/metrics":
                return new Route("/scenarios/metrics", Group.OBSERVABILITY, List.of("GET"), null);
            default:
                break;
        }
        if (!path.startsWith("/scenarios/")) {
            return null;
        }
        String[] parts = path.substring("/scenarios/".length()).split("/", -1);
        if (parts[0].isEmpty()) {
            return null;
        }
        if (parts.length == 1) {
            return new Route("/scenarios/{id}", Group.CONTROL, List.of("GET", "DELETE"), parts[0]);
        }
        if (parts.length == 2 && parts[1].equals("stats")) {
            return new Route("/scenarios/{id}/stats", Group.OBSERVABILITY, List.of("GET"), parts[0]);
        }
        if (parts.length == 2 && parts[1].equals("metrics")) {
            return new Route("/scenarios/{id}/metrics", Group.OBSERVABILITY, List.of("GET"), parts[0]);
        }
        return null;
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
