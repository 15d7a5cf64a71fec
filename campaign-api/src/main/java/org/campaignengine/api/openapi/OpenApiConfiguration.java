package org.campaignengine.api.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.campaignengine.api.security.EndpointRoles;
import org.campaignengine.api.web.openapi.ProblemType;
import org.campaignengine.api.web.openapi.ReadModelSchemas;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.api.web.openapi.SettingsSchemas;
import org.campaignengine.domain.campaign.ActivityOutcome;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.OpenHours;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.Variant;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}): the
 * security schemes, the feature tags, the {@code Problem} schema with every problem type, and on each
 * operation the roles that may call it and the problems it can answer. The refusals every operation shares (authentication, role, the
 * store, bad parameters, the idempotency of commands) are added here; those of one operation are named on
 * it with {@link Refusals}. Domain types that the engine reads and writes as JSON are described by the
 * records of {@link SettingsSchemas} and {@link ReadModelSchemas}.
 */
@Configuration
class OpenApiConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String SESSION = "sessionCookie";

    static final String CAMPAIGNS = "campaigns";
    static final String ACTIVITY = "activity";
    static final String READ_MODELS = "read models";
    static final String HISTORY = "history & audit";
    static final String ACCOUNTS = "accounts";
    static final String ADMIN = "admin";

    private static final Set<String> OFFICE_SCOPED = Set.of("MANAGER", "VIEWER");
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");

    static {
        SpringDocUtils.getConfig()
                .replaceWithClass(CampaignSettings.class, SettingsSchemas.Settings.class)
                .replaceWithClass(ContactList.class, SettingsSchemas.ContactList.class)
                .replaceWithClass(OpenHours.class, SettingsSchemas.OpenHours.class)
                .replaceWithClass(Variant.class, SettingsSchemas.Variant.class)
                .replaceWithClass(PhoneNumber.class, SettingsSchemas.PhoneNumber.class)
                .replaceWithClass(ActivityOutcome.Rejection.class, ReadModelSchemas.Rejection.class);
        ReadModelSchemas.replacements().forEach((type, schema) -> SpringDocUtils.getConfig().replaceWithClass(type, schema));
    }

    @Bean
    OpenAPI campaignEngineOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Campaign engine").version("v1")
                        .description("Campaigns from draft to archive: backend services drive them through commands, "
                                + "dashboards read them through queries, auditors read their history. Everything is "
                                + "JSON (UTF-8); times are ISO-8601 instants unless a field says it is a local date "
                                + "or time; ids are UUID strings. Every command answers with the campaign's "
                                + "`version`, and every query on a campaign takes `minVersion` to read its own "
                                + "writes. Errors are `application/problem+json` (see the `Problem` schema).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An account the engine keeps (`/api/v1/users`); the bootstrap admin's "
                                        + "password comes from `CAMPAIGN_ADMIN_PASSWORD`."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A JWT of the configured issuer, when one is configured; its claims "
                                        + "give the roles and offices."))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("CAMPAIGN_SESSION")
                                .description("A browser session of the operator console (`POST /api/v1/session`); "
                                        + "its POST, PUT, PATCH and DELETE requests must carry the session's CSRF "
                                        + "token in `X-CSRF-TOKEN`.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(SESSION))
                .tags(List.of(
                        new Tag().name(CAMPAIGNS).description("Create, edit and move campaigns through their "
                                + "lifecycle; read one campaign."),
                        new Tag().name(ACTIVITY).description("What the sending and calling services report: "
                                + "messages, replies, calls, costs."),
                        new Tag().name(READ_MODELS).description("The index pages, tabs, calendar, analytics, "
                                + "contacts and conversations, and the live stream of their changes."),
                        new Tag().name(HISTORY).description("A campaign's events, its state at a past moment, its "
                                + "export; the organisation-wide audit trail and its tamper evidence."),
                        new Tag().name(ACCOUNTS).description("The accounts the engine keeps (ADMIN only), and the "
                                + "browser sessions the operator console signs in with (any account)."),
                        new Tag().name(ADMIN).description("Read model replays, dead letters, and erasure of a "
                                + "contact's personal data (ADMIN only).")));
    }

    /** The {@code Problem} schema and its types, built from the records that describe it. */
    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> {
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(ProblemSchema.class);
            Schema<?> type = (Schema<?>) schemas.get("Problem").getProperties().get("type");
            StringBuilder list = new StringBuilder(type.getDescription()).append("\n\n| type | status | meaning "
                    + "|\n|---|---|---|\n");
            List<String> values = new ArrayList<>();
            for (ProblemType problem : ProblemType.values()) {
                if (!values.contains(problem.type())) {
                    values.add(problem.type());
                }
                list.append("| `").append(problem.type()).append("` | ").append(problem.status().value()).append(" | ")
                        .append(problem.meaning()).append(" |\n");
            }
            StringSchema typed = new StringSchema();
            typed.setEnum(values);
            typed.setDescription(list.toString());
            typed.setExample(type.getExample());
            schemas.get("Problem").getProperties().put("type", typed);
            schemas.forEach(openApi.getComponents()::addSchemas);
        };
    }

    /** Who may call each operation, from the access rules: in its description and as {@code x-roles}. */
    @Bean
    OpenApiCustomizer roles() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getExtensions() != null && operation.getExtensions().containsKey("x-roles")) {
                return;
            }
            List<String> roles = EndpointRoles.of(method.name(), path);
            if (EndpointRoles.open(method.name(), path)) {
                operation.setDescription(operation.getDescription() + "\n\nNo credentials needed: any account ("
                        + String.join(", ", roles) + ") may call it.");
                operation.addExtension("x-roles", roles);
                return;
            }
            List<String> scoped = path.equals(EndpointRoles.SESSION) ? List.of()
                    : roles.stream().filter(OFFICE_SCOPED::contains).toList();
            operation.setDescription(operation.getDescription() + "\n\nRoles: " + String.join(", ", roles)
                    + (scoped.isEmpty() ? "." : " (" + String.join(" and ", scoped)
                    + " only for campaigns of their offices)."));
            operation.addExtension("x-roles", roles);
        }));
    }

    /**
     * Each operation's problems: those it or its controller names with {@link Refusals}, and those every
     * operation shares.
     */
    @Bean
    OperationCustomizer refusals() {
        return (operation, handler) -> {
            Set<ProblemType> problems = EnumSet.of(ProblemType.UNAUTHENTICATED, ProblemType.NOT_ALLOWED,
                    ProblemType.TOO_MANY_FAILED_LOGINS, ProblemType.INTERNAL, ProblemType.STORE_UNAVAILABLE,
                    ProblemType.IDENTITY_PROVIDER_UNAVAILABLE);
            boolean body = operation.getRequestBody() != null;
            if (body || checked(operation.getParameters())) {
                problems.add(ProblemType.INVALID_INPUT);
            }
            if (body) {
                problems.add(ProblemType.REQUEST_TOO_LARGE);
                problems.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
            }
            if (command(handler.getMethod())) {
                problems.add(ProblemType.INVALID_CSRF_TOKEN);
                if (!session(handler.getMethod())) {
                    problems.addAll(List.of(ProblemType.INVALID_IDEMPOTENCY_KEY,
                            ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS, ProblemType.IDEMPOTENCY_KEY_REUSED));
                    operation.addParametersItem(idempotencyKey());
                }
            }
            for (Refusals own : new Refusals[] {handler.getBeanType().getAnnotation(Refusals.class),
                    handler.getMethodAnnotation(Refusals.class)}) {
                if (own != null) {
                    problems.addAll(List.of(own.value()));
                }
            }
            addResponses(operation, problems);
            return operation;
        };
    }

    /**
     * Parameters the engine parses and checks: every query parameter, and a path parameter of a typed form
     * (a campaign's UUID). A plain path name (an account, a read model) is looked up, not checked: unknown is 404.
     */
    private static boolean checked(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> "query".equals(p.getIn())
                || ("path".equals(p.getIn()) && p.getSchema() != null && p.getSchema().getFormat() != null));
    }

    /** A command: the methods the idempotency filter takes an {@code Idempotency-Key} on. */
    private static boolean command(Method method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(verb -> COMMAND_METHODS.contains(verb.name()));
    }

    /** Signing in and out of a browser session: not commands to send again, so no {@code Idempotency-Key}. */
    private static boolean session(Method method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return mapping != null && Arrays.asList(mapping.path()).contains(EndpointRoles.SESSION);
    }

    private static Parameter idempotencyKey() {
        return new HeaderParameter().name("Idempotency-Key").required(false)
                .description("Makes the command safe to send again: the same key with the same request answers the "
                        + "first result again (with `Idempotent-Replayed: true`) and changes nothing. 1 to 200 "
                        + "visible ASCII characters, per caller.")
                .schema(new StringSchema().minLength(1).maxLength(200).example("create-7f3c9a2e"));
    }

    private static void addResponses(Operation operation, Set<ProblemType> problems) {
        Map<HttpStatus, List<ProblemType>> byStatus = new TreeMap<>();
        problems.forEach(problem -> byStatus.computeIfAbsent(problem.status(), s -> new ArrayList<>()).add(problem));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        byStatus.forEach((status, types) -> {
            StringBuilder description = new StringBuilder(status.getReasonPhrase()).append(":");
            for (ProblemType type : types) {
                description.append("\n- `").append(type.type()).append("`: ").append(type.meaning());
            }
            ApiResponse response = new ApiResponse().description(description.toString())
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
                response.setHeaders(new LinkedHashMap<>(Map.of("Retry-After", new Header()
                        .description("Seconds to wait before trying again.").schema(new IntegerSchema().example(5)))));
            }
            responses.addApiResponse(String.valueOf(status.value()), response);
        });
        operation.setResponses(responses);
    }
}
