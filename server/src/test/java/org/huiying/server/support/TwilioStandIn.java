package org.huiying.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Twilio's REST API, as far as the Messages, Calls and conference Participants
 * resources go: it answers {@code POST /2010-04-01/Accounts/{sid}/Messages.json} and the list {@code GET},
 * {@code POST .../Calls.json} (a new call), {@code POST .../Calls/{CallSid}.json} (a live call updated) and
 * {@code POST .../Conferences/{ConferenceSid}/Participants/{CallSid}.json}, like Twilio does
 * (status codes, JSON shapes, error bodies), checks Basic auth, records every call, and plays
 * scripted failures (429, 500, Twilio error codes such as 21610 and 21211) in order.
 */
public final class TwilioStandIn implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789";
    public static final String FROM = "+15005550006";

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls\\.json");
    private static final Pattern CALL = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/(CA[0-9a-zA-Z]+)\\.json");
    private static final Pattern PARTICIPANT = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Conferences/(CF[0-9a-zA-Z]+)/Participants/([^/]+)\\.json");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** One call to the Messages API as it arrived. */
    public record Call(String method, String path, Map<String, String> params, boolean authorized) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private record Failure(int status, Integer code, String message) {
    }

    private final HttpServer server;
    private final List<Call> sends = new CopyOnWriteArrayList<>();
    private final List<Call> lists = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> callUpdates = new CopyOnWriteArrayList<>();
    private final List<Call> participantUpdates = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Failure> script = new ConcurrentLinkedDeque<>();
    private final AtomicInteger sids = new AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch hold;
    private volatile boolean acceptHeld;
    private final AtomicInteger holding = new AtomicInteger();

    public TwilioStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Server arguments that point the app's Twilio client here. */
    public String[] serverArgs() {
        return new String[] {"--huiying.twilio.account-sid=" + ACCOUNT_SID, "--huiying.twilio.auth-token=" + AUTH_TOKEN,
                "--huiying.twilio.from=" + FROM, "--huiying.twilio.api-base-url=" + baseUrl()};
    }

    /** The next send answers with this HTTP status and Twilio error body. */
    public TwilioStandIn failNext(int status, Integer code, String message) {
        script.add(new Failure(status, code, message));
        return this;
    }

    public TwilioStandIn rateLimitNext() {
        return failNext(429, 20429, "Too Many Requests");
    }

    public TwilioStandIn serverErrorNext() {
        return failNext(500, 20500, "Internal Server Error");
    }

    /** The next send gets no answer: the connection closes, as when Twilio or the network drops it. */
    public TwilioStandIn dropNext() {
        return failNext(-1, null, null);
    }

    /** The next send is accepted (Twilio has the message) but the answer never arrives. */
    public TwilioStandIn acceptButDropNext() {
        return failNext(-2, null, null);
    }

    public TwilioStandIn optedOutNext() {
        return failNext(400, 21610, "Attempt to send to unsubscribed recipient");
    }

    public TwilioStandIn invalidNumberNext() {
        return failNext(400, 21211, "The 'To' number is not a valid phone number.");
    }

    /**
     * Sends from now on get no answer until {@link #releaseHeld}: the caller's request stays in
     * flight (while held, the stand-in serves nothing else). Lets a test kill the sender mid-send.
     */
    public TwilioStandIn holdSends() {
        hold = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    /** How many sends are held right now. */
    public int held() {
        return holding.get();
    }

    /**
     * Ends the hold: each held message is then accepted (Twilio got it, only the answer was lost)
     * or not (it never arrived); either way no answer goes back. Returns once they are settled.
     */
    public void releaseHeld(boolean accepted) {
        java.util.concurrent.CountDownLatch gate = hold;
        acceptHeld = accepted;
        hold = null;
        if (gate != null) {
            gate.countDown();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> holding.get() == 0);
    }

    /** The messages Twilio holds for this number (each accepted send once). */
    public long acceptedTo(String to) {
        synchronized (accepted) {
            return accepted.stream().filter(m -> to.equals(m.get("to"))).count();
        }
    }

    /** Twilio holds this message already, as if an earlier attempt got through but its answer was lost. */
    public String acceptedEarlier(String to, String body, java.time.Instant at) {
        return accept(Map.of("To", to, "From", FROM, "Body", body), at).get("sid").toString();
    }

    /** Every send request (POST), in arrival order, failed ones included. */
    public List<Call> sends() {
        return List.copyOf(sends);
    }

    public List<Call> sendsTo(String to) {
        return sends.stream().filter(c -> to.equals(c.param("To"))).toList();
    }

    public List<Call> lists() {
        return List.copyOf(lists);
    }

    /** Every outbound call request (POST to Calls.json), in arrival order, failed ones included. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every update of a live call (POST to Calls/{CallSid}.json: new TwiML or URL), in arrival order. */
    public List<Call> callUpdates() {
        return List.copyOf(callUpdates);
    }

    /** Every update of a conference participant (POST to Conferences/{ConferenceSid}/Participants/{CallSid}.json: hold, end-on-exit…). */
    public List<Call> participantUpdates() {
        return List.copyOf(participantUpdates);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher participant = PARTICIPANT.matcher(exchange.getRequestURI().getPath());
            if (participant.matches() && participant.group(1).equals(ACCOUNT_SID) && exchange.getRequestMethod().equals("POST")) {
                updateParticipant(exchange, participant.group(2), participant.group(3));
                return;
            }
            Matcher update = CALL.matcher(exchange.getRequestURI().getPath());
            if (update.matches() && update.group(1).equals(ACCOUNT_SID) && exchange.getRequestMethod().equals("POST")) {
                updateCall(exchange, update.group(2));
                return;
            }
            Matcher call = CALLS.matcher(exchange.getRequestURI().getPath());
            if (call.matches() && call.group(1).equals(ACCOUNT_SID) && exchange.getRequestMethod().equals("POST")) {
                placeCall(exchange);
                return;
            }
            Matcher m = MESSAGES.matcher(exchange.getRequestURI().getPath());
            if (!m.matches() || !m.group(1).equals(ACCOUNT_SID)) {
                respond(exchange, 404, error(404, 20404, "The requested resource was not found"));
                return;
            }
            boolean authorized = authorized(exchange);
            if (exchange.getRequestMethod().equals("POST")) {
                Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                sends.add(new Call("POST", exchange.getRequestURI().getPath(), params, authorized));
                if (!authorized) {
                    respond(exchange, 401, error(401, 20003, "Authenticate"));
                    return;
                }
                java.util.concurrent.CountDownLatch gate = hold;
                if (gate != null) {
                    holding.incrementAndGet();
                    try {
                        gate.await();
                        if (acceptHeld) {
                            accept(params);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        holding.decrementAndGet();
                    }
                    return;
                }
                Failure failure = script.poll();
                if (failure != null && failure.status() < 0) {
                    if (failure.status() == -2) {
                        accept(params);
                    }
                    return;
                }
                if (failure != null) {
                    respond(exchange, failure.status(), error(failure.status(), failure.code(), failure.message()));
                    return;
                }
                respond(exchange, 201, accept(params));
            } else if (exchange.getRequestMethod().equals("GET")) {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                lists.add(new Call("GET", exchange.getRequestURI().getPath(), query, authorized));
                respond(exchange, 200, page(query));
            } else {
                respond(exchange, 405, error(405, 20004, "Method not allowed"));
            }
        }
    }

    /** The Calls API: the call is queued and gets its CallSid; the scripted failures apply to it as to a message. */
    private void placeCall(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean authorized = authorized(exchange);
        calls.add(new Call("POST", exchange.getRequestURI().getPath(), params, authorized));
        if (!authorized) {
            respond(exchange, 401, error(401, 20003, "Authenticate"));
            return;
        }
        Failure failure = script.poll();
        if (failure != null && failure.status() < 0) {
            return;
        }
        if (failure != null) {
            respond(exchange, failure.status(), error(failure.status(), failure.code(), failure.message()));
            return;
        }
        String sid = String.format("CA%032x", sids.incrementAndGet() + 0xca11000L);
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        Map<String, Object> placed = new LinkedHashMap<>();
        placed.put("account_sid", ACCOUNT_SID);
        placed.put("api_version", "2010-04-01");
        placed.put("date_created", now);
        placed.put("date_updated", now);
        placed.put("direction", "outbound-api");
        placed.put("from", params.get("From"));
        placed.put("from_formatted", params.get("From"));
        placed.put("sid", sid);
        placed.put("status", "queued");
        placed.put("to", params.get("To"));
        placed.put("to_formatted", params.get("To"));
        placed.put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + sid + ".json");
        respond(exchange, 201, placed);
    }

    private void updateCall(HttpExchange exchange, String callSid) throws IOException {
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean authorized = authorized(exchange);
        callUpdates.add(new Call("POST", exchange.getRequestURI().getPath(), params, authorized));
        if (!authorized) {
            respond(exchange, 401, error(401, 20003, "Authenticate"));
            return;
        }
        Failure failure = script.poll();
        if (failure != null) {
            respond(exchange, failure.status(), error(failure.status(), failure.code(), failure.message()));
            return;
        }
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        Map<String, Object> updated = new LinkedHashMap<>();
        updated.put("account_sid", ACCOUNT_SID);
        updated.put("api_version", "2010-04-01");
        updated.put("date_created", now);
        updated.put("date_updated", now);
        updated.put("direction", "inbound");
        updated.put("sid", callSid);
        updated.put("status", "in-progress");
        updated.put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + callSid + ".json");
        respond(exchange, 200, updated);
    }

    private void updateParticipant(HttpExchange exchange, String conferenceSid, String callSid) throws IOException {
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean authorized = authorized(exchange);
        participantUpdates.add(new Call("POST", exchange.getRequestURI().getPath(), params, authorized));
        if (!authorized) {
            respond(exchange, 401, error(401, 20003, "Authenticate"));
            return;
        }
        Failure failure = script.poll();
        if (failure != null) {
            respond(exchange, failure.status(), error(failure.status(), failure.code(), failure.message()));
            return;
        }
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        Map<String, Object> updated = new LinkedHashMap<>();
        updated.put("account_sid", ACCOUNT_SID);
        updated.put("call_sid", callSid);
        updated.put("conference_sid", conferenceSid);
        updated.put("date_created", now);
        updated.put("date_updated", now);
        updated.put("hold", "true".equals(params.get("Hold")));
        updated.put("muted", false);
        updated.put("end_conference_on_exit", !"false".equals(params.get("EndConferenceOnExit")));
        updated.put("start_conference_on_enter", true);
        updated.put("status", "connected");
        updated.put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Conferences/" + conferenceSid + "/Participants/" + callSid + ".json");
        respond(exchange, 200, updated);
    }

    private static boolean authorized(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private Map<String, Object> accept(Map<String, String> params) {
        return accept(params, java.time.Instant.now());
    }

    private Map<String, Object> accept(Map<String, String> params, java.time.Instant at) {
        String sid = String.format("SM%032x", sids.incrementAndGet() + 0xabc000L);
        String now = RFC_2822.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", ACCOUNT_SID);
        message.put("api_version", "2010-04-01");
        message.put("body", params.get("Body"));
        message.put("date_created", now);
        message.put("date_sent", null);
        message.put("date_updated", now);
        message.put("direction", "outbound-api");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", params.getOrDefault("From", null));
        message.put("messaging_service_sid", params.get("MessagingServiceSid"));
        message.put("num_media", "0");
        message.put("num_segments", "1");
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("sid", sid);
        message.put("status", params.containsKey("MessagingServiceSid") ? "accepted" : "queued");
        message.put("subresource_uris", Map.of("media", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media.json"));
        message.put("to", params.get("To"));
        message.put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json");
        accepted.add(0, message);
        return message;
    }

    private Map<String, Object> page(Map<String, String> query) {
        List<Map<String, Object>> matching;
        synchronized (accepted) {
            matching = accepted.stream().filter(msg -> query.get("To") == null || query.get("To").equals(msg.get("to"))).toList();
        }
        int size = query.get("PageSize") == null ? 50 : Integer.parseInt(query.get("PageSize"));
        List<Map<String, Object>> first = matching.subList(0, Math.min(size, matching.size()));
        String uri = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json?PageSize=" + size + "&Page=0";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", first);
        page.put("end", Math.max(0, first.size() - 1));
        page.put("first_page_uri", uri);
        page.put("next_page_uri", null);
        page.put("page", 0);
        page.put("page_size", size);
        page.put("previous_page_uri", null);
        page.put("start", 0);
        page.put("uri", uri);
        return page;
    }

    private static Map<String, Object> error(int status, Integer code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return body;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
