package org.campaignengine.api.admin;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.util.List;

import org.campaignengine.api.web.openapi.Refusals;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** ADMIN: the read models and their replays (HTTP API: POST .../replay answers 202; GET the same path for progress). */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    private final ProjectionReplays replays;

    ProjectionsController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @Operation(summary = "List the read models", description = "Every replayable read model and how far its replay has "
            + "come.")
    @ApiResponse(responseCode = "200", description = "The read models' progress.", useReturnTypeSchema = true)
    @GetMapping
    List<ReplayProgress> list() {
        return replays.names().stream().map(name -> replays.progress(name).orElseThrow()).toList();
    }

    @Operation(summary = "Replay a read model", description = "Rebuilds the read model from the event store in the "
            + "background; answers 202 with its progress. `GET` the same path to follow it.")
    @ApiResponse(responseCode = "202", description = "The replay started.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_PROJECTION})
    @PostMapping("/{name}/replay")
    ResponseEntity<ReplayProgress> replay(
            @Parameter(description = "The read model's name.", example = "status-index") @PathVariable String name) {
        return replays.replay(name).map(progress -> ResponseEntity.status(HttpStatus.ACCEPTED).body(progress))
                .orElseThrow(() -> new UnknownProjection(name, replays.names()));
    }

    @Operation(summary = "A read model's replay progress", description = "How far the read model's replay has come; "
            + "done once `replaying` is false.")
    @ApiResponse(responseCode = "200", description = "The progress.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_PROJECTION})
    @GetMapping("/{name}/replay")
    ReplayProgress progress(
            @Parameter(description = "The read model's name.", example = "status-index") @PathVariable String name) {
        return replays.progress(name).orElseThrow(() -> new UnknownProjection(name, replays.names()));
    }
}
