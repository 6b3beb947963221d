package kg.vareg.backend.api.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API contract (issue 18 item 1), added to what springdoc derives from the controllers, in one place so the
 * controllers stay small: title, version, licence, server; the three ways in as security schemes (HTTP Basic for
 * staff and issuers, an exchange's {@code X-Api-Key}, an OpenID Connect bearer token) with the right ones on each
 * operation; every operation's 4xx answers as RFC 9457 {@code application/problem+json} ({@link #PROBLEM});
 * amounts as decimal strings (uint256 and money do not fit JSON numbers); concrete content types; a summary and
 * a unique, stable operation id on every operation (generated clients name their methods by it).
 *
 * <p>The served document is committed as {@code docs/openapi.json} (OpenApiDocumentIT keeps them equal) and
 * linted with Spectral's recommended rules in the build ({@code tools/openapi-lint}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiContract {
    public static final String PROBLEM = "Problem";
    static final String BASIC = "basicAuth";
    static final String API_KEY = "exchangeApiKey";
    static final String BEARER = "oidcBearer";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";

    static {
        // Amounts: decimal strings, never JSON numbers (JsonConfiguration writes them so).
        SpringDocUtils.getConfig()
                .replaceWithSchema(BigDecimal.class, new StringSchema().format("decimal").pattern("^-?[0-9]+(\\.[0-9]+)?$")
                        .description("a decimal number written as a string (e.g. \"1000000.50\")"))
                .replaceWithSchema(BigInteger.class, new StringSchema().format("integer").pattern("^-?[0-9]+$")
                        .description("an integer of any size written as a string (e.g. a uint256 amount in base units)"));
    }

    @Bean
    OperationCustomizer operationIdsAndSummaries() {
        return (operation, handler) -> {
            String method = handler.getMethod().getName();
            String noun = handler.getBeanType().getSimpleName().replaceAll("(Controller|Api)$", "");
            operation.setOperationId(Character.toLowerCase(noun.charAt(0)) + noun.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(sentence(method));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer contract() {
        return api -> {
            api.setInfo(new Info()
                    .title("vareg — Unified State Register of Virtual Asset Emissions of the Kyrgyz Republic")
                    .version("1")
                    .description("REST API of the register: applications and the regulated workflow (staff and issuers),"
                            + " the public register and its verifiable log (anyone, ¶57-66), token status for trading"
                            + " operators (exchange API key, ¶12, ¶54-55, ¶58). Errors are RFC 9457 problem+json;"
                            + " amounts are decimal strings. Guides: docs/api.md, docs/exchange-api.md.")
                    .contact(new Contact().name("Register of virtual asset emissions").url("https://vareg.kg"))
                    .license(new License().name("Public register data (¶66: open to all, founders' data excepted)")
                            .url("https://vareg.kg/register")));
            api.setServers(List.of(new Server().url("/").description("this register")));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components);
            components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("Regulator staff (REGISTRAR, SUPERVISOR) and issuers (ISSUER): the register's accounts."));
            components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                    .description("A trading operator's key (vrg_<keyId>_<secret>), issued by a registrar (docs/exchange-api.md)."));
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("An OpenID Connect access token of the regulator's identity provider"
                            + " (when vareg.security.oidc.issuer-uri is set); roles from its roles claim."));
            components.addSchemas(PROBLEM, problemSchema());
            addTags(api);
            nullability(components);
            if (api.getPaths() != null) {
                api.getPaths().forEach(this::completeOperations);
            }
        };
    }

    private void completeOperations(String path, PathItem item) {
        item.readOperationsMap().forEach((method, op) -> {
            Access access = Access.of(method, path);
            op.setSecurity(access.requirements());
            boolean body = op.getRequestBody() != null;
            boolean pathParams = path.contains("{");
            boolean params = pathParams || body || (op.getParameters() != null && !op.getParameters().isEmpty());
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            op.setResponses(responses);
            concreteContentTypes(responses);
            if (path.startsWith("/api/v1/public/open-data/register.")) {
                // Conditional GET of the downloads (ETag / Last-Modified).
                responses.addApiResponse("304", new ApiResponse().description("Not modified: the If-None-Match ETag is current"));
            }
            if (params) problem(responses, "400", "Bad input: errors[] names each field and what is wrong with it");
            if (access != Access.PUBLIC) {
                problem(responses, "401", "Not authenticated (no, wrong or revoked credentials)");
                problem(responses, "403", "Authenticated, but this role may not do this");
            }
            if (pathParams || access != Access.PUBLIC) problem(responses, "404", "No such resource (or not yours)");
            boolean command = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE && access == Access.STAFF;
            if (command) {
                problem(responses, "409", "The regulation forbids this step now (paragraph, rule), or a stale version");
                problem(responses, "422", "The Idempotency-Key was used with another request body");
            }
            if (body) {
                problem(responses, "413", "The request body is too large");
                problem(responses, "415", "The request body is not of a supported content type");
            }
            problem(responses, "429", "Too many requests (rate limit or login throttling); see Retry-After");
            problem(responses, "503", "The register's database is unreachable; retry later");
            if (op.getSummary() == null || op.getSummary().isBlank()) op.setSummary(sentence(op.getOperationId()));
        });
    }

    /** springdoc answers {@code *}/{@code *} when a controller does not say what it produces: name the real type. */
    private static void concreteContentTypes(ApiResponses responses) {
        responses.forEach((status, response) -> {
            Content content = response.getContent();
            if (content == null || !content.containsKey("*/*")) return;
            MediaType any = content.remove("*/*");
            Schema<?> schema = any.getSchema();
            if (schema != null && "string".equals(schema.getType()) && "byte".equals(schema.getFormat())) {
                // Documents are sent as their raw bytes, not base64.
                content.addMediaType("application/octet-stream", new MediaType().schema(new StringSchema().format("binary")));
            } else {
                content.addMediaType(JSON, any);
            }
        });
    }

    private static void problem(ApiResponses responses, String status, String description) {
        ApiResponse existing = responses.get(status);
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        if (existing == null) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON, media)));
        } else {
            // Error bodies documented by a controller as */* or as a success type: it is always problem+json.
            existing.setContent(new Content().addMediaType(PROBLEM_JSON, media));
            if (existing.getDescription() == null || existing.getDescription().isBlank()) existing.setDescription(description);
        }
    }

    /**
     * Jackson writes absent values as {@code null}: a property a record does not declare required may be null,
     * and the document says so (a validator or a generated client would otherwise reject real answers).
     */
    private static void nullability(Components components) {
        if (components.getSchemas() == null) return;
        components.getSchemas().forEach((name, schema) -> {
            if (PROBLEM.equals(name) || schema.getProperties() == null) return;
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = schema.getProperties();
            properties.forEach((property, propertySchema) -> {
                if (!required.contains(property) && propertySchema.get$ref() == null) propertySchema.setNullable(true);
            });
        });
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the field at fault, e.g. tokens[1].address, or $ for the whole body"));
        fieldError.addProperty("message", new StringSchema());
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().description("a URI reference naming the kind of problem"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().format("int32"));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().description("a URI reference of this occurrence"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("400: every field at fault"));
        problem.addProperty("paragraph", new StringSchema().description("409: the rule's paragraph of the regulation, e.g. ¶21"));
        problem.addProperty("rule", new StringSchema().description("409: the rule broken"));
        problem.addProperty("details", new ObjectSchema().description("409: facts of the refusal"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    /** Every tag used by an operation is declared, in a stable order. */
    private static void addTags(OpenAPI api) {
        Map<String, Tag> declared = new LinkedHashMap<>();
        if (api.getTags() != null) api.getTags().forEach(t -> declared.put(t.getName(), t));
        TreeSet<String> used = new TreeSet<>();
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getTags() != null) used.addAll(op.getTags());
            }));
        }
        List<Tag> tags = new ArrayList<>();
        for (String name : used) {
            tags.add(declared.getOrDefault(name, new Tag().name(name).description(name)));
        }
        api.setTags(tags);
    }

    /** "verifyUploadedDocument" → "Verify uploaded document". */
    static String sentence(String camel) {
        String words = camel.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Who may call an operation, by its path (the filter chains in SecurityConfig and ExchangeSecurityConfiguration). */
    enum Access {
        PUBLIC, EXCHANGE, KEY_ADMIN, STAFF;

        static Access of(PathItem.HttpMethod method, String path) {
            if (path.startsWith("/api/v1/public/")
                    && (method == PathItem.HttpMethod.GET || path.equals("/api/v1/public/verify-document"))) {
                return PUBLIC;
            }
            if (path.startsWith("/api/v1/tokens/")) return EXCHANGE;
            // The exchange chain (ExchangeSecurityConfiguration) takes HTTP Basic only, no bearer tokens.
            if (path.startsWith("/api/v1/exchange-keys")) return KEY_ADMIN;
            return STAFF;
        }

        List<SecurityRequirement> requirements() {
            return switch (this) {
                case PUBLIC -> List.of();
                case EXCHANGE -> List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(BASIC));
                case KEY_ADMIN -> List.of(new SecurityRequirement().addList(BASIC));
                case STAFF -> List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER));
            };
        }
    }
}
