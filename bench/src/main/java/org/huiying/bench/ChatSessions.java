package org.huiying.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/** Opens customer chat sessions the way the web widget does: {@code POST /api/chat/sessions}. */
final class ChatSessions {

    private ChatSessions() {
    }

    /** {@code count} customer tokens, {@code parallel} requests at a time. */
    static List<String> open(int httpPort, int count, int parallel) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + httpPort + "/api/chat/sessions");
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<String>> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"压测客户" + i + "\",\"model\":\"汉 EV\"}")).build();
            tokens.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> permits.release())
                    .thenApply(r -> {
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("POST /api/chat/sessions → " + r.statusCode() + " " + r.body());
                        }
                        return JsonMapper.shared().readTree(r.body()).get("customerToken").asString();
                    }));
        }
        return tokens.stream().map(CompletableFuture::join).toList();
    }
}
