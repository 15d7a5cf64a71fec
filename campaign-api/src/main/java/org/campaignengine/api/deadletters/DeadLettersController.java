package org.campaignengine.api.deadletters;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: the events the read models set aside, retried or evicted per campaign sequence. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLettersController {

    private final DeadLetters letters;

    DeadLettersController(DeadLetters letters) {
        this.letters = letters;
    }

    @GetMapping
    List<DeadLetterView> list(@RequestParam Optional<String> processor) {
        return letters.list(processor);
    }

    @GetMapping("/count")
    List<DeadLetterView.Count> count(@RequestParam Optional<String> processor) {
        return letters.counts(processor);
    }

    /** {@code applied}: every letter of the sequence was handled; {@code remaining}: letters still kept. */
    record Retried(String processor, String sequenceId, boolean applied, long remaining) {
    }

    /** {@code applied}: sequences handled in full; {@code remaining}: sequences still kept. */
    record RetriedAll(String processor, int applied, long remaining) {
    }

    @PostMapping("/{processor}/{sequenceId}/retry")
    Retried retry(@PathVariable String processor, @PathVariable String sequenceId) {
        boolean applied = letters.retry(processor, sequenceId);
        return new Retried(processor, sequenceId, applied, letters.remaining(processor, sequenceId));
    }

    @PostMapping("/{processor}/retry")
    RetriedAll retryAll(@PathVariable String processor) {
        int applied = letters.retryAll(processor);
        return new RetriedAll(processor, applied, letters.counts(Optional.of(processor)).get(0).sequences());
    }

    @DeleteMapping("/{processor}/{sequenceId}")
    ResponseEntity<Void> evict(@PathVariable String processor, @PathVariable String sequenceId) {
        letters.evict(processor, sequenceId);
        return ResponseEntity.noContent().build();
    }
}
