package com.example.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

public final class ManualBase64PayloadDecode {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManualBase64PayloadDecode() {
    }

    /** "Lightweight" user lookup that skips the JWT library. */
    public static String userIdFrom(String token) throws IOException {
        String[] parts = token.split("\\.");
        // expect-no-fix: unverified-token -- a payload decoded by hand has no library verify call to put in its place
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]); // expect: unverified-token
        JsonNode claims = MAPPER.readTree(payload);
        return claims.get("sub").asText();
    }

    /** Not a token: a base64 avatar upload split on a different separator. */
    public static byte[] avatarBytes(String dataUrl) {
        return Base64.getDecoder().decode(dataUrl.split(",")[1]); // ok: unverified-token
    }
}
