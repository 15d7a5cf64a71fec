package org.campaignengine.api.security;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who is signed in, as {@code POST} and {@code GET /api/v1/session} answer it. */
@Schema(description = "The signed-in account: its roles and offices, and the token its state-changing requests carry.")
record SessionView(
        @Schema(description = "The account's username: the actor recorded in the events its commands cause.",
                example = "maria.lopes") String username,
        @Schema(description = "Its roles (see Accounts and roles).", example = "[\"MANAGER\"]") List<String> roles,
        @Schema(description = "The offices a MANAGER or VIEWER is limited to; empty for the other roles.",
                example = "[\"lisbon\"]") List<String> offices,
        @Schema(description = "The session's CSRF token; null when the caller is signed in by Basic or Bearer "
                + "credentials, which need none.", nullable = true) Csrf csrf) {

    @Schema(description = "The header every POST, PUT, PATCH and DELETE of the session must carry, and its value.")
    record Csrf(
            @Schema(description = "The header's name.", example = "X-CSRF-TOKEN") String headerName,
            @Schema(description = "The session's token: send it unchanged in that header. It stays the same for "
                    + "the whole session.", example = "8b0c7e0e-4a0c-4c4b-9a8e-3d4f5b6a7c8d") String token) {
    }
}
