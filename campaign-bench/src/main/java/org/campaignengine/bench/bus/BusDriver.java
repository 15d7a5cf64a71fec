package org.campaignengine.bench.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.campaignengine.domain.campaign.CampaignCommand.ArchiveCampaign;
import org.campaignengine.domain.campaign.CampaignCommand.CreateCampaign;
import org.campaignengine.domain.campaign.CampaignCommand.UpdateSettings;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.SettingField;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lifecycle commands straight on the engine's command bus, without HTTP: runs inside an engine JVM started
 * from the engine's own jar by Spring Boot's {@code PropertiesLauncher}, with this class on
 * {@code loader.path} (the bench is never on the engine's class path otherwise). It starts the engine's
 * application with the arguments it is given, takes its {@link CommandGateway} and sends, from
 * {@code bench.bus.threads} threads, the cycles {@code CommandRun} sends over HTTP (create, rename,
 * archive; the same commands and audit metadata the HTTP controller builds, stamped by the engine's own
 * handler interceptors): {@code bench.bus.warmup} cycles a thread, then {@code bench.bus.cycles} measured.
 * It prints one line, {@code BENCH-BUS {json}} (commands, seconds, every command's milliseconds), and exits.
 */
public final class BusDriver {

    public static final String RESULT = "BENCH-BUS ";

    private BusDriver() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.bus.threads", 8);
        int warmup = Integer.getInteger("bench.bus.warmup", 30);
        int cycles = Integer.getInteger("bench.bus.cycles", 20);
        int status = 1;
        Class<?> application = Class.forName("org.campaignengine.api.CampaignEngineApplication");
        try (ConfigurableApplicationContext context = SpringApplication.run(application, args)) {
            CommandGateway gateway = context.getBean(CommandGateway.class);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                run(pool, gateway, threads, warmup, "warm-up");
                long start = System.nanoTime();
                List<double[]> timings = run(pool, gateway, threads, cycles, "measured");
                double seconds = (System.nanoTime() - start) / 1e9;
                StringBuilder line = new StringBuilder(RESULT).append("{\"seconds\":").append(seconds)
                        .append(",\"millis\":[");
                long commands = 0;
                for (double[] thread : timings) {
                    for (double millis : thread) {
                        line.append(commands++ == 0 ? "" : ",").append(millis);
                    }
                }
                System.out.println(line.append("],\"commands\":").append(commands).append('}'));
                System.out.flush();
                status = 0;
            } finally {
                pool.shutdownNow();
            }
        } catch (Exception | Error failed) {
            System.out.println("BENCH-BUS-FAILED " + failed);
            failed.printStackTrace(System.out);
        }
        System.exit(status);
    }

    private static List<double[]> run(ExecutorService pool, CommandGateway gateway, int threads, int cycles,
                                      String round) throws Exception {
        List<Future<double[]>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String client = "bus " + round + " " + t;
            running.add(pool.submit(() -> cycles(gateway, client, cycles)));
        }
        List<double[]> timings = new ArrayList<>();
        for (Future<double[]> each : running) {
            timings.add(each.get());
        }
        return timings;
    }

    private static double[] cycles(CommandGateway gateway, String client, int cycles) {
        double[] millis = new double[cycles * 3];
        int n = 0;
        for (int i = 0; i < cycles; i++) {
            CampaignId id = CampaignId.of(UUID.randomUUID().toString());
            long t0 = System.nanoTime();
            send(gateway, new CreateCampaign(id, Channel.SMS, CampaignSettings.builder()
                    .name("Command bench " + client + " " + i).office("office-1").build()));
            long t1 = System.nanoTime();
            send(gateway, new UpdateSettings(id, CampaignSettings.builder().name("Renamed " + client + " " + i).build(),
                    Set.of(SettingField.NAME), null));
            long t2 = System.nanoTime();
            send(gateway, new ArchiveCampaign(id));
            long t3 = System.nanoTime();
            millis[n++] = (t1 - t0) / 1e6;
            millis[n++] = (t2 - t1) / 1e6;
            millis[n++] = (t3 - t2) / 1e6;
        }
        return millis;
    }

    /** As the HTTP controller sends: the actor and a request id as metadata (an administrator: no office limit). */
    private static void send(CommandGateway gateway, Object command) {
        MetaData audit = MetaData.with("actor", "bench").and("requestId", UUID.randomUUID().toString());
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit));
    }
}
