package org.campaignengine.api.accounts;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.campaignengine.api.web.RequestContext;
import org.campaignengine.api.web.openapi.Refusals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Accounts (ADMIN only, by the access rules). Disabling keeps the account, so history keeps its actors. */
@Tag(name = "accounts")
@RestController
@RequestMapping("/api/v1/users")
class AccountsController {

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountsController(AccountStore accounts, PasswordEncoder encoder, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
    }

    @Operation(summary = "Create an account", description = "Creates an enabled account with its roles and (for MANAGER "
            + "and VIEWER) offices. Every mistake in the body is reported at once.")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names the account.", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "The account's path.", schema = @Schema(type = "string")))
    @Refusals({ACCOUNT_EXISTS})
    @PostMapping
    ResponseEntity<Account> create(@RequestBody NewAccount body) {
        body.requireValid();
        Account account = new Account(body.username(), body.validRoles(), body.validOffices(), true, clock.instant(),
                RequestContext.actor(), null);
        if (!accounts.create(account, encoder.encode(body.password()))) {
            throw new AccountProblem(HttpStatus.CONFLICT, "account-exists", "The username is taken");
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).body(account);
    }

    @Operation(summary = "List accounts", description = "Every account, enabled or not, without passwords.")
    @ApiResponse(responseCode = "200", description = "The accounts.", useReturnTypeSchema = true)
    @GetMapping
    List<Account> list() {
        return accounts.list();
    }

    @Operation(summary = "Read an account", description = "One account, without its password.")
    @ApiResponse(responseCode = "200", description = "The account.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND})
    @GetMapping("/{username}")
    Account get(
            @Parameter(description = "The account's username.", example = "maria.lopes") @PathVariable String username) {
        return accounts.find(username).orElseThrow(AccountProblem::notFound);
    }

    @Operation(summary = "Disable an account", description = "Disables the account: it can no longer log in, its browser "
            + "sessions end at once, and it is kept so history keeps its actors. An account cannot disable itself.")
    @ApiResponse(responseCode = "204", description = "Disabled; no body.")
    @Refusals({NOT_FOUND, OWN_ACCOUNT})
    @DeleteMapping("/{username}")
    ResponseEntity<Void> disable(
            @Parameter(description = "The account's username.", example = "maria.lopes") @PathVariable String username) {
        if (username.equals(RequestContext.actor())) {
            throw new AccountProblem(HttpStatus.CONFLICT, "own-account", "An account cannot disable itself");
        }
        if (!accounts.disable(username, clock.instant())) {
            throw AccountProblem.notFound();
        }
        events.publishEvent(new AccountDisabled(username));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AccountProblem.class)
    ProblemDetail problem(AccountProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(URI.create("urn:campaign-engine:problem:" + e.type));
        return problem;
    }

    static final class AccountProblem extends RuntimeException {
        final HttpStatus status;
        final String type;

        AccountProblem(HttpStatus status, String type, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.type = type;
        }

        static AccountProblem notFound() {
            return new AccountProblem(HttpStatus.NOT_FOUND, "not-found", "No such account");
        }
    }
}
