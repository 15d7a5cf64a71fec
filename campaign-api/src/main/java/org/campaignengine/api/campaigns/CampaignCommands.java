package org.campaignengine.api.campaigns;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.campaignengine.api.idempotency.CommandAnswers;
import org.campaignengine.api.web.OfficeScope;
import org.campaignengine.api.web.RequestContext;
import org.campaignengine.domain.campaign.CallerOffices;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.springframework.stereotype.Component;

/** Sends commands with the caller's audit metadata, so every event records who and which request. */
@Component
public class CampaignCommands {

    private final CommandGateway gateway;
    private final OfficeScope scope;
    private final CommandAnswers answers;
    private final CommandTurns turns;

    CampaignCommands(CommandGateway gateway, OfficeScope scope, CommandAnswers answers, CommandTurns turns) {
        this.gateway = gateway;
        this.scope = scope;
        this.answers = answers;
        this.turns = turns;
    }

    /**
     * Sends with the audit metadata and, for a caller limited to offices, those offices (never copied to
     * events), and answers {@code answer} of the command's result. {@code answer} only builds the HTTP answer:
     * for a request with an Idempotency-Key it is stored in the command's transaction ({@link CommandAnswers}).
     * The command waits for its turn among this node's ({@link CommandTurns}).
     */
    public <R, A> A send(Object command, Function<R, A> answer) {
        Set<String> offices = scope.visibleOffices();
        MetaData metaData = offices == null ? RequestContext.auditMetaData()
                : RequestContext.auditMetaData().and(CallerOffices.KEY, List.copyOf(offices));
        return turns.run(() -> answers.send(metaData, answer, withMetaData ->
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(withMetaData))));
    }

    /**
     * The office a new campaign goes to: the one asked for, which a caller limited to offices must hold;
     * if none is asked for, that caller's only office.
     */
    String officeForNewCampaign(String requested) {
        Set<String> offices = scope.visibleOffices();
        if (offices == null) {
            return requested;
        }
        if (requested == null) {
            if (offices.size() == 1) {
                return offices.iterator().next();
            }
            throw InvalidCampaignInput.of("office", "is required: you belong to several offices");
        }
        if (!offices.contains(requested)) {
            throw new OfficeNotAllowed(requested);
        }
        return requested;
    }

    boolean visible(String office) {
        return scope.sees(office);
    }
}
