package org.campaignengine.api.accounts;

import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/** An account as the engine shows it: never with its password or hash. */
@Schema(description = "An account as the engine shows it: never with its password or hash.")
public record Account(
        @Schema(description = "The login name.", example = "maria.lopes") String username,
        @Schema(description = "Its roles.", example = "[\"MANAGER\"]") Set<Role> roles,
        @Schema(description = "The offices a MANAGER or VIEWER is limited to; empty for other roles.",
                example = "[\"lisbon\"]") Set<String> offices,
        @Schema(description = "False once disabled; a disabled account is kept, so history keeps its actors.",
                example = "true") boolean enabled,
        @Schema(description = "When it was created.", example = "2026-12-01T09:00:00Z") Instant createdAt,
        @Schema(description = "Who created it.", example = "admin") String createdBy,
        @Schema(description = "When it was disabled; null while enabled.", nullable = true,
                example = "2026-12-10T09:00:00Z") Instant disabledAt) {
}
