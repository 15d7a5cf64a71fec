package org.campaignengine.api.deadletters;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.util.List;
import java.util.Optional;

import org.campaignengine.api.web.openapi.Refusals;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** ADMIN: the events the read models set aside, retried or evicted per campaign sequence. */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLettersController {

    private final DeadLetters letters;

    DeadLettersController(DeadLetters letters) {
        this.letters = letters;
    }

    @Operation(summary = "List dead letters", description = "The campaign sequences the read models set aside, each "
            + "with the event that failed and why; of one read model with `processor`.")
    @ApiResponse(responseCode = "200", description = "The sequences set aside.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_PROCESSOR})
    @GetMapping
    List<DeadLetterView> list(
            @Parameter(description = "Only this read model.", example = "status-index")
            @RequestParam Optional<String> processor) {
        return letters.list(processor);
    }

    @Operation(summary = "Count dead letters", description = "Sequences and letters each read model holds (one read "
            + "model with `processor`).")
    @ApiResponse(responseCode = "200", description = "The counts.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_PROCESSOR})
    @GetMapping("/count")
    List<DeadLetterView.Count> count(
            @Parameter(description = "Only this read model.", example = "status-index")
            @RequestParam Optional<String> processor) {
        return letters.counts(processor);
    }

    /** {@code applied}: every letter of the sequence was handled; {@code remaining}: letters still kept. */
    @Schema(name = "DeadLetterRetried", description = "A sequence's retry.")
    record Retried(
            @Schema(description = "The read model.", example = "status-index") String processor,
            @Schema(description = "The sequence.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String sequenceId,
            @Schema(description = "Every letter of the sequence was handled.", example = "true") boolean applied,
            @Schema(description = "Letters still kept.", example = "0") long remaining) {
    }

    /** {@code applied}: sequences handled in full; {@code remaining}: sequences still kept. */
    @Schema(name = "DeadLettersRetried", description = "A read model's retry of every sequence.")
    record RetriedAll(
            @Schema(description = "The read model.", example = "status-index") String processor,
            @Schema(description = "Sequences handled in full.", example = "2") int applied,
            @Schema(description = "Sequences still kept.", example = "1") long remaining) {
    }

    @Operation(summary = "Retry a sequence", description = "Handles the sequence's events again, in order; `applied` "
            + "says whether all of them were, `remaining` how many letters are still kept.")
    @ApiResponse(responseCode = "200", description = "The retry's outcome.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_PROCESSOR, UNKNOWN_DEAD_LETTER})
    @PostMapping("/{processor}/{sequenceId}/retry")
    Retried retry(
            @Parameter(description = "The read model.", example = "status-index") @PathVariable String processor,
            @Parameter(description = "The sequence: a campaign's id.") @PathVariable String sequenceId) {
        boolean applied = letters.retry(processor, sequenceId);
        return new Retried(processor, sequenceId, applied, letters.remaining(processor, sequenceId));
    }

    @Operation(summary = "Retry every sequence", description = "Retries every sequence of the read model once; "
            + "`applied` counts the sequences handled in full, `remaining` those still kept.")
    @ApiResponse(responseCode = "200", description = "The retries' outcome.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_PROCESSOR})
    @PostMapping("/{processor}/retry")
    RetriedAll retryAll(
            @Parameter(description = "The read model.", example = "status-index") @PathVariable String processor) {
        int applied = letters.retryAll(processor);
        return new RetriedAll(processor, applied, letters.counts(Optional.of(processor)).get(0).sequences());
    }

    @Operation(summary = "Evict a sequence", description = "Drops the sequence's letters: its events stay out of the "
            + "read model until a replay.")
    @ApiResponse(responseCode = "204", description = "Evicted; no body.")
    @Refusals({UNKNOWN_PROCESSOR, UNKNOWN_DEAD_LETTER})
    @DeleteMapping("/{processor}/{sequenceId}")
    ResponseEntity<Void> evict(
            @Parameter(description = "The read model.", example = "status-index") @PathVariable String processor,
            @Parameter(description = "The sequence: a campaign's id.") @PathVariable String sequenceId) {
        letters.evict(processor, sequenceId);
        return ResponseEntity.noContent().build();
    }
}
