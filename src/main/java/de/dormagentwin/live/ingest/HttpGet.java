package de.dormagentwin.live.ingest;

import de.dormagentwin.model.text.SafeText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One GET of an HTTP source, bounded in time and memory whatever the server does: the whole answer, headers and
 * body, must arrive within the timeout (the JDK's request timeout ends at the headers, so a server trickling a byte
 * now and then would hold a fetch for good), a body may hold at most {@link #MAX_BODY_BYTES}, and a redirect is
 * followed only on the same scheme, host and port as the source itself. A feed's own host can point nowhere else.
 */
final class HttpGet {
    /** Far above any page a SensorThings server or PEGELONLINE sends (a page of 1,000 observations is about 150 kB). */
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** Redirects followed per request: a loop ends here rather than at the client's own, larger limit. */
    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBodyBytes;

    HttpGet(HttpClient client, Duration timeout, long maxBodyBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = timeout;
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the most bytes of an answer must be positive, not " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A client for {@link HttpGet}: its own timeout on connecting, and redirects left to {@link #get}, which checks them. */
    static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What a server answered: any status but a redirect, with a body of at most the cap. */
    record Response(URI url, int status, HttpHeaders headers, byte[] body) {
    }

    /** Why a GET failed, without the URL, which {@link #getMessage} puts in front: {@code GET url: reason}. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        private final String reason;
        private final boolean unreachable;

        Failure(URI url, String reason, boolean unreachable, Throwable cause) {
            super("GET " + SafeText.of(url.toString(), 1_000) + ": " + reason, cause);
            this.reason = reason;
            this.unreachable = unreachable;
        }

        String reason() {
            return reason;
        }

        /** The server could not be reached or did not answer in time, as opposed to an answer that was refused. */
        boolean unreachable() {
            return unreachable;
        }
    }

    /**
     * GETs {@code url}, following redirects that stay on {@code origin}'s scheme, host and port. Every status but a
     * redirect is returned; a transport failure, a timeout, a body over the cap or a redirect elsewhere is thrown.
     */
    Response get(URI url, URI origin, String accept) throws IOException, InterruptedException {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            Response response = once(current, accept);
            if (!sameOrigin(response.url(), origin)) {
                // A client given by the caller may follow redirects itself; what it ended at is checked all the same.
                throw new Failure(current, "the answer came from " + origin(response.url()) + ", not from "
                        + origin(origin) + "; refused", false, null);
            }
            if (response.status() / 100 != 3 || response.status() == 304) {
                return response;
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                return response;
            }
            URI next;
            try {
                next = current.resolve(new URI(location.get().strip()));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                throw new Failure(current, "HTTP " + response.status() + " redirects to " + SafeText.of(location.get())
                        + ", which is not a URL", false, e);
            }
            if (!sameOrigin(next, origin)) {
                throw new Failure(current, "HTTP " + response.status() + " redirects to " + SafeText.of(next.toString())
                        + ", on another host than " + origin(origin) + "; refused", false, null);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new Failure(current, "more than " + MAX_REDIRECTS + " redirects in a row", false, null);
            }
            current = next;
        }
    }

    private Response once(URI url, String accept) throws IOException, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept).GET().build();
        } catch (IllegalArgumentException e) {
            throw new Failure(url, "not an http or https URL", false, e);
        }
        AtomicBoolean headersArrived = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> {
            headersArrived.set(true);
            return new CappedBody(maxBodyBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
        });
        HttpResponse<byte[]> response;
        try {
            response = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new Failure(url, headersArrived.get() ? "the answer did not finish within " + words(timeout)
                    : "no answer within " + words(timeout), true, null);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge) {
                    throw new Failure(url, "the answer is larger than " + megabytes(maxBodyBytes) + "; refused", false, null);
                }
            }
            throw new Failure(url, describe(e.getCause()), true, e.getCause());
        }
        return new Response(response.uri(), response.statusCode(), response.headers(), response.body());
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + words(timeout);
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + words(timeout);
        }
        if (failure instanceof ConnectException) {
            return failure.getCause() instanceof UnresolvedAddressException ? "cannot connect: unknown host" : "cannot connect";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return SafeText.of(firstLine(cause.getMessage()));
            }
        }
        return failure == null ? "failed" : failure.getClass().getSimpleName();
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    /** Scheme, host and port, as a message names where something is. */
    static String origin(URI url) {
        return SafeText.of(url.getScheme() + "://" + url.getHost() + ":" + port(url));
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /**
     * How long a 429 or 503 answer asks the client to wait ({@code Retry-After} in seconds or as an HTTP date),
     * or empty when it does not say; {@link RetryLater} caps it.
     */
    static Optional<Duration> retryAfter(Response response, Clock clock) {
        if (response.status() != 429 && response.status() != 503) {
            return Optional.empty();
        }
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // More digits than a long holds are as good as forever: the cap takes over.
            return Optional.of(value.length() > 12 ? RetryLater.MAX_WAIT : Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    static String words(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Thrown inside the client when a body passes the cap; {@link #once} turns it into a message with the URL. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null);
        }
    }

    /** Collects a body up to the cap and cancels the rest: a server cannot make the twin hold more than that. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long max;
        private final long declared;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > max) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
