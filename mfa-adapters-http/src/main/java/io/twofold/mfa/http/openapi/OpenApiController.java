package io.twofold.mfa.http.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Serves the OpenAPI 3.1 document of everything this server answers ({@link OpenApiDocument}). */
@Controller
public class OpenApiController {
    static final String YAML = "application/yaml";

    private final byte[] document = OpenApiDocument.yaml();

    @Get(uri = "/openapi.yaml", produces = YAML)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}
