package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SensorThings v1.1 service on 127.0.0.1 answering from entities a test builds: Things with their Locations
 * and expanded Datastreams, a Thing's Datastreams, and a Datastream's Observations with {@code $filter=phenomenonTime
 * gt ...}, {@code $orderby=phenomenonTime asc}, {@code $top} and {@code $skip}. Like FROST-Server it caps
 * {@code $top}, expanded collections included, and links to the next page.
 */
public final class FakeSensorThingsServer implements AutoCloseable {
    static final String THINGS_EXPAND = "Locations,Datastreams($expand=Sensor,ObservedProperty)";
    static final String DATASTREAMS_EXPAND = "Sensor,ObservedProperty";
    private static final Pattern THING_DATASTREAMS = Pattern.compile("/v1\\.1/Things\\((.+)\\)/Datastreams", Pattern.DOTALL);
    private static final Pattern OBSERVATIONS = Pattern.compile("/v1\\.1/Datastreams\\((.+)\\)/Observations", Pattern.DOTALL);
    private static final Pattern AFTER = Pattern.compile("phenomenonTime gt (\\S+)");

    /** A request as the server understood it: the decoded path and query options. */
    record Request(String path, Map<String, String> query) {
    }

    /** Answers a request in place of the service; false lets the service answer. */
    @FunctionalInterface
    interface Fault {
        boolean answer(HttpExchange exchange, Request request) throws IOException;
    }

    // Bare NaN tokens, as some servers write them, rather than Jackson's default "NaN" strings.
    private final JsonMapper mapper = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final int maxTop;
    private final List<ObjectNode> things = new CopyOnWriteArrayList<>();
    private final Map<String, List<ObjectNode>> datastreams = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> observations = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger observationsServed = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Fault fault;
    private volatile boolean ignoresOrderBy;
    private boolean closed;

    public FakeSensorThingsServer(int maxTop) throws IOException {
        this.maxTop = maxTop;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.1");
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** Adds a thing (with its Locations, if any) and its datastreams (with Sensor and ObservedProperty). */
    public synchronized void thing(ObjectNode thing, ObjectNode... itsDatastreams) {
        things.add(thing);
        List<ObjectNode> list = datastreams.computeIfAbsent(key(thing.get("@iot.id")), id -> new ArrayList<>());
        for (ObjectNode datastream : itsDatastreams) {
            list.add(datastream);
            observations.put(key(datastream.get("@iot.id")), new CopyOnWriteArrayList<>());
        }
    }

    public synchronized void observations(JsonNode datastreamId, ObjectNode... added) {
        observations.get(key(datastreamId)).addAll(List.of(added));
    }

    void fault(Fault answer) {
        fault = answer;
    }

    /** A server that returns observations in the order they came, whatever {@code $orderby} says. */
    void ignoreOrderBy() {
        ignoresOrderBy = true;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> observationRequests(String datastreamInUrl) {
        return requests.stream().filter(request -> request.path().equals("/v1.1/Datastreams(" + datastreamInUrl + ")/Observations")).toList();
    }

    int observationsServed() {
        return observationsServed.get();
    }

    /** Holds the request until the server closes: an answer that never comes in time. */
    void hang(HttpExchange exchange) throws IOException {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        respond(exchange, 200, "{\"value\": []}");
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** How OData writes an id in a path: numbers bare, texts in single quotes with quotes doubled. */
    static String key(JsonNode id) {
        return id.isNumber() ? id.asText() : "'" + id.asText().replace("'", "''") + "'";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()));
            requests.add(request);
            Fault current = fault;
            if (current != null && current.answer(exchange, request)) {
                return;
            }
            answer(exchange, request);
        }
    }

    private synchronized void answer(HttpExchange exchange, Request request) throws IOException {
        Matcher thingDatastreams = THING_DATASTREAMS.matcher(request.path());
        Matcher observationsOf = OBSERVATIONS.matcher(request.path());
        if (request.path().equals("/v1.1/Things")) {
            if (!THINGS_EXPAND.equals(request.query().get("$expand"))) {
                respond(exchange, 400, "{\"code\": 400, \"message\": \"this test server only expands " + THINGS_EXPAND + "\"}");
                return;
            }
            List<JsonNode> expanded = new ArrayList<>();
            for (ObjectNode thing : things) {
                ObjectNode copy = thing.deepCopy();
                List<ObjectNode> its = datastreams.get(key(thing.get("@iot.id")));
                ArrayNode inline = copy.putArray("Datastreams");
                its.stream().limit(maxTop).forEach(inline::add);
                if (its.size() > maxTop) {
                    copy.put("Datastreams@iot.nextLink", root() + "/Things(" + encode(key(thing.get("@iot.id")))
                            + ")/Datastreams?$expand=" + encode(DATASTREAMS_EXPAND) + "&$top=" + maxTop + "&$skip=" + maxTop);
                }
                expanded.add(copy);
            }
            respond(exchange, 200, page(request, expanded).body());
        } else if (thingDatastreams.matches()) {
            List<ObjectNode> its = datastreams.get(thingDatastreams.group(1));
            if (its == null || !DATASTREAMS_EXPAND.equals(request.query().get("$expand"))) {
                respond(exchange, 404, "{\"code\": 404, \"message\": \"no such thing, or not expanded as expected\"}");
                return;
            }
            respond(exchange, 200, page(request, new ArrayList<>(its)).body());
        } else if (observationsOf.matches()) {
            List<ObjectNode> all = observations.get(observationsOf.group(1));
            if (all == null) {
                respond(exchange, 404, "{\"code\": 404, \"message\": \"Nothing found.\"}");
                return;
            }
            String filter = request.query().get("$filter");
            Instant after = null;
            if (filter != null) {
                Matcher gt = AFTER.matcher(filter);
                if (!gt.matches()) {
                    respond(exchange, 400, "{\"code\": 400, \"message\": \"unsupported $filter\"}");
                    return;
                }
                after = Instant.parse(gt.group(1));
            }
            List<JsonNode> selected = new ArrayList<>();
            for (ObjectNode observation : all) {
                Instant time = time(observation);
                if (after == null || (time != null && time.isAfter(after))) {
                    selected.add(observation);
                }
            }
            if ("phenomenonTime asc".equals(request.query().get("$orderby")) && !ignoresOrderBy) {
                selected.sort(Comparator.comparing(FakeSensorThingsServer::time, Comparator.nullsFirst(Comparator.naturalOrder())));
            }
            Page page = page(request, selected);
            // Counted before answering: the client may finish its fetch, and the test read the count, the moment the answer is out.
            observationsServed.addAndGet(page.size());
            respond(exchange, 200, page.body());
        } else {
            respond(exchange, 404, "{\"code\": 404, \"message\": \"Nothing found.\"}");
        }
    }

    private record Page(String body, int size) {
    }

    /** One page of a collection, capping $top, with a link to the next page where there is one. */
    private Page page(Request request, List<JsonNode> all) throws IOException {
        int top = Math.min(maxTop, Integer.parseInt(request.query().getOrDefault("$top", "100")));
        int skip = Integer.parseInt(request.query().getOrDefault("$skip", "0"));
        List<JsonNode> slice = all.subList(Math.min(skip, all.size()), Math.min(skip + top, all.size()));
        ObjectNode body = mapper.createObjectNode();
        body.put("@iot.count", all.size());
        if (skip + top < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(request.query());
            next.put("$top", String.valueOf(top));
            next.put("$skip", String.valueOf(skip + top));
            StringBuilder link = new StringBuilder(root().toString()).append(request.path().substring("/v1.1".length()));
            char separator = '?';
            for (Map.Entry<String, String> option : next.entrySet()) {
                link.append(separator).append(option.getKey()).append('=').append(encode(option.getValue()));
                separator = '&';
            }
            body.put("@iot.nextLink", link.toString());
        }
        body.putArray("value").addAll(slice);
        return new Page(mapper.writeValueAsString(body), slice.size());
    }

    /** The end of an instant or interval; null where the test wrote a time that is none. */
    static Instant time(JsonNode observation) {
        String text = observation.path("phenomenonTime").asText();
        String end = text.substring(text.indexOf('/') + 1);
        try {
            if (end.startsWith("P") && text.contains("/")) {
                return OffsetDateTime.parse(text.substring(0, text.indexOf('/'))).toInstant().plus(java.time.Duration.parse(end));
            }
            return OffsetDateTime.parse(end).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> options = new LinkedHashMap<>();
        if (raw == null) {
            return options;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            options.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return options;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public synchronized void close() {
        released.countDown();
        if (!closed) {
            closed = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
