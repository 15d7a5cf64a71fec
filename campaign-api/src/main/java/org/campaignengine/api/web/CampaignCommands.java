package org.campaignengine.api.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends commands with the caller's audit metadata, so every event records who and which request. */
@Component
class CampaignCommands {

    private final CommandGateway gateway;

    CampaignCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(RequestContext.auditMetaData()));
    }
}
