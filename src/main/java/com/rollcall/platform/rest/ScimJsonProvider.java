package com.rollcall.platform.rest;

import com.rollcall.scim.json.BoundedNumbers;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes SCIM JSON ({@code application/scim+json} and {@code application/json}) with JSON-P.
 * Enforces the documented body limits (413), turns malformed JSON or a body of the wrong shape into
 * {@code 400 invalidSyntax} with the position of the problem, never a parser's exception text, and refuses
 * numbers outside {@link BoundedNumbers}' rule with {@code 400 invalidValue}.
 */
@Provider
@Consumes({Urns.MEDIA_TYPE, MediaType.APPLICATION_JSON, "*/*"})
@Produces({Urns.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimJsonProvider implements MessageBodyReader<JsonStructure>, MessageBodyWriter<JsonStructure> {
    /** Body limit for everything but group requests. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Group PATCHes carry member batches: a larger limit. */
    public static final int MAX_GROUP_BODY_BYTES = 8 * 1024 * 1024;

    @Context
    private UriInfo uriInfo;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonStructure.class.isAssignableFrom(type);
    }

    @Override
    public JsonStructure readFrom(Class<JsonStructure> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        int limit = limitForPath();
        byte[] body;
        try {
            body = readAtMost(entity, limit);
        } catch (IOException e) {
            throw ScimException.invalidSyntax("The request body could not be read completely.");
        }
        if (body.length == 0) {
            throw ScimException.invalidSyntax("The request needs a JSON body.");
        }
        JsonStructure parsed = parse(strictUtf8(body));
        if (!type.isInstance(parsed)) {
            throw ScimException.invalidSyntax(JsonObject.class.isAssignableFrom(type)
                    ? "The request body must be a JSON object." : "The request body has the wrong JSON type.");
        }
        BoundedNumbers.requireBounded(parsed);
        return parsed;
    }

    /** The body as text; bytes that are not UTF-8 are refused rather than replaced by U+FFFD. */
    static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ScimException.invalidSyntax("The request body is not valid UTF-8.");
        }
    }

    /**
     * Exactly one JSON object or array, nothing after it but white space. Any parser failure
     * (malformed text, nesting beyond the parser's depth limit) is 400 invalidSyntax with the position
     * when the parser gives one.
     */
    static JsonStructure parse(String text) {
        try (JsonParser parser = ScimJson.PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw ScimException.invalidSyntax("The request needs a JSON body.");
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
                throw ScimException.invalidSyntax("The request body must be a JSON object.");
            }
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw ScimException.invalidSyntax("The request body has content after the JSON document.");
            }
            return (JsonStructure) value;
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw ScimException.invalidSyntax("The request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")") + ".");
        } catch (ScimException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ScimException.invalidSyntax("The request body is not valid JSON (or is nested too deeply).");
        }
    }

    private int limitForPath() {
        String path = uriInfo == null ? "" : uriInfo.getPath();
        return path != null && path.startsWith("Groups") || path != null && path.startsWith("/Groups")
                ? MAX_GROUP_BODY_BYTES : MAX_BODY_BYTES;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw ScimException.payloadTooLarge("The request body is larger than the limit of " + limit + " bytes.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonStructure.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonStructure value, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        try (JsonWriter writer = ScimJson.PROVIDER.createWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush(); // the container closes the stream
            }
        })) {
            writer.write(value);
        }
    }
}
