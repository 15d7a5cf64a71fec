package org.campaignengine.api.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: the read models and their replays (HTTP API: POST .../replay answers 202; GET the same path for progress). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    private final ProjectionReplays replays;

    ProjectionsController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    List<ReplayProgress> list() {
        return replays.names().stream().map(name -> replays.progress(name).orElseThrow()).toList();
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ReplayProgress> replay(@PathVariable String name) {
        return replays.replay(name).map(progress -> ResponseEntity.status(HttpStatus.ACCEPTED).body(progress))
                .orElseThrow(() -> new UnknownProjection(name, replays.names()));
    }

    @GetMapping("/{name}/replay")
    ReplayProgress progress(@PathVariable String name) {
        return replays.progress(name).orElseThrow(() -> new UnknownProjection(name, replays.names()));
    }
}
