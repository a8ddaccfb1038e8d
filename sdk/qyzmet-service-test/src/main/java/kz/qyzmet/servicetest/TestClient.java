package kz.qyzmet.servicetest;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** A client of the platform in a security session: asks a service and confirms with the code it received (§25.2). */
public final class TestClient {
    private final TestPlatform platform;
    private final String token;

    TestClient(TestPlatform platform, String token) {
        this.platform = platform;
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** {@code POST services/<id>/requests}: the answer, whatever its status. */
    public HttpResponse<String> ask(String serviceId, String json) throws Exception {
        return platform.post("services/" + serviceId + "/requests", json, token);
    }

    /** Creates a request that must be accepted (201): the instruction and the challenge to confirm it. */
    public JsonNode request(String serviceId, String json) throws Exception {
        return TestPlatform.JSON.readTree(TestPlatform.expect(201, ask(serviceId, json)));
    }

    /** Confirms a created request with the code the platform sent this client: the request as it then stands. */
    public JsonNode confirm(JsonNode submission) throws Exception {
        String confirm = submission.get("confirmation").get("confirm").asText().replaceFirst("^/api/v1/", "");
        return TestPlatform.JSON.readTree(TestPlatform.expect(200, platform.post(confirm, "{\"challengeId\":\""
                + submission.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + platform.code(token)
                + "\"}", token)));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return platform.get(path, token);
    }
}
