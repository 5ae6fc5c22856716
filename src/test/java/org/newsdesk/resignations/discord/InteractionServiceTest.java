package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.commands.Completions;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;

/** The service with a mocked responder (and, where needed, a mocked router): no Discord at all. */
class InteractionServiceTest {

    static final Application REAL = TestBots.app();
    static final long USER = 42L;

    final Responder responder = mock(Responder.class);
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final LogCapture logs = new LogCapture();

    @AfterEach
    void close() {
        workers.shutdownNow();
        timers.shutdownNow();
        logs.close();
    }

    InteractionService service(BotCore core, Duration deferAfter) {
        return new InteractionService(core.speech(), core.commands(), new MessageRenderer(core.templates(), new ComponentIds()),
                new ComponentIds(), workers, timers, deferAfter);
    }

    InteractionService service(Application app, Duration deferAfter) {
        return service(app.discord(), deferAfter);
    }

    /** The real core with its router replaced by a mock. */
    static BotCore withRouter(CommandRouter router) {
        return withCommands(REAL.discord(), CoreCommands.of(router, REAL.completions(), () -> REAL.snapshot().version()));
    }

    static BotCore withCommands(BotCore core, CoreCommands commands) {
        return new BotCore(core.templates(), core.speech(), commands, core.factcheck(), core.intake(), core.notifier(),
                core.warmUp());
    }

    /**
     * Makes the handler "slow" without a clock: it returns only once the interaction has been
     * acknowledged (deferred), which the service must do while the work is still running.
     */
    CountDownLatch acknowledged() {
        CountDownLatch latch = new CountDownLatch(1);
        doAnswer(inv -> {
            latch.countDown();
            return null;
        }).when(responder).defer(anyBoolean());
        doAnswer(inv -> {
            latch.countDown();
            return null;
        }).when(responder).deferUpdate();
        return latch;
    }

    /** How long a verification waits for a call: an upper bound for a loaded machine, not a speed claim. */
    static final int WAIT_MS = 10_000;

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(10, TimeUnit.SECONDS)).as("the interaction was acknowledged while the work ran").isTrue();
    }

    static CommandRouter router(CommandCatalog catalog) {
        CommandRouter router = mock(CommandRouter.class);
        when(router.catalog()).thenReturn(catalog);
        return router;
    }

    static String description(MessageCreateData m) {
        return m.getEmbeds().get(0).getDescription();
    }

    @Test
    void anExceptionBecomesAnEphemeralRefLoggedAsError() {
        CommandRouter router = router(CommandCatalog.standard());
        when(router.handle(any(), any())).thenThrow(new IllegalStateException("boom"));
        service(withRouter(router), Duration.ofSeconds(2))
                .slash("resignations", "who", Map.of("name", "x"), Caller.anyone(USER, Optional.of("ar")), responder);

        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(responder, timeout(WAIT_MS)).reply(sent.capture(), eq(true));
        String text = description(sent.getValue());
        Matcher m = Pattern.compile("([0-9a-f]{8})").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(text).startsWith("حدث خطأ");   // the user's locale is Arabic
        String ref = m.group(1);
        assertThat(logs.errors()).anySatisfy(line -> assertThat(line).contains("ref " + ref));
    }

    @Test
    void aFastAnswerIsSentAtOnceWithoutDeferring() throws InterruptedException {
        service(REAL, Duration.ofMillis(300))
                .slash("resignations", "who", Map.of("name", "Josh Paul"), Caller.anyone(USER, Optional.empty()), responder);
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(responder, timeout(WAIT_MS)).reply(sent.capture(), eq(false));
        assertThat(sent.getValue().getEmbeds().get(0).getTitle()).startsWith("Josh Paul");
        // the deferral was due 300 ms after the start; a task due 300 ms after the answer runs after
        // it on the same single timer thread, so once it has run, a deferral would have happened
        CountDownLatch timerPassed = new CountDownLatch(1);
        timers.schedule(timerPassed::countDown, 300, TimeUnit.MILLISECONDS);
        await(timerPassed);
        verify(responder, never()).defer(anyBoolean());
    }

    @Test
    void aSlowAnswerIsDeferredThenEditedIn() {
        CommandRouter router = router(CommandCatalog.standard());
        CountDownLatch deferred = acknowledged();
        when(router.handle(any(), any())).thenAnswer(inv -> {
            await(deferred);
            return REAL.router().handle(inv.getArgument(0), inv.getArgument(1));
        });
        service(withRouter(router), Duration.ofMillis(50))
                .slash("resignations", "stats", Map.of(), Caller.anyone(USER, Optional.empty()), responder);
        InOrder order = inOrder(responder);
        order.verify(responder, timeout(WAIT_MS)).defer(false);
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        order.verify(responder, timeout(WAIT_MS)).editOriginal(edit.capture());
        assertThat(edit.getValue().getEmbeds().get(0).getTitle()).isEqualTo("Counts");
        verify(responder, never()).reply(any(), anyBoolean());
    }

    @Test
    void anInlineCommandThatTurnsOutSlowIsStillDeferredInTime() {
        CommandRouter router = router(CommandCatalog.standard());
        CountDownLatch deferred = acknowledged();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        when(router.handle(any(), any())).thenAnswer(inv -> {
            ranOn.set(Thread.currentThread());
            await(deferred);
            return REAL.router().handle(inv.getArgument(0), inv.getArgument(1));
        });
        InteractionService s = new InteractionService(REAL.discord().speech(), withRouter(router).commands(),
                new MessageRenderer(REAL.templates(), new ComponentIds()),
                new ComponentIds(), workers, timers, Duration.ofMillis(50), DiscordOptions.IN_MEMORY, 0);
        s.slash("resignations", "about", Map.of(), Caller.anyone(USER, Optional.empty()), responder);
        assertThat(ranOn.get()).as("ran on the calling thread").isSameAs(Thread.currentThread());
        InOrder order = inOrder(responder);
        order.verify(responder).defer(false);
        order.verify(responder).editOriginal(any());
        verify(responder, never()).reply(any(), anyBoolean());
    }

    @Test
    void aSlowErrorReplacesThePublicThinkingWithAnEphemeralFollowUp() {
        CommandRouter router = router(CommandCatalog.standard());
        CountDownLatch deferred = acknowledged();
        when(router.handle(any(), any())).thenAnswer(inv -> {
            await(deferred);
            return REAL.replies().userError(Lang.EN, "error.range_reversed");
        });
        service(withRouter(router), Duration.ofMillis(50))
                .slash("resignations", "list", Map.of(), Caller.anyone(USER, Optional.empty()), responder);
        InOrder order = inOrder(responder);
        order.verify(responder, timeout(WAIT_MS)).defer(false);
        order.verify(responder, timeout(WAIT_MS)).deleteOriginal();
        order.verify(responder, timeout(WAIT_MS)).followUp(any(), eq(true));
    }

    @Test
    void aSlowPageTurnAcknowledgesTheClickThenEditsTheMessage() {
        CommandRouter router = router(CommandCatalog.standard());
        CountDownLatch deferred = acknowledged();
        when(router.handle(any(), any())).thenAnswer(inv -> {
            await(deferred);
            return REAL.router().handle(inv.getArgument(0), inv.getArgument(1));
        });
        service(withRouter(router), Duration.ofMillis(50))
                .component(ComponentId.of(ComponentId.Feature.REPLY, "pn", "1", "0", "list|lang=en"), List.of(), Caller.anyone(USER, Optional.empty()), responder);
        InOrder order = inOrder(responder);
        order.verify(responder, timeout(WAIT_MS)).deferUpdate();
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        order.verify(responder, timeout(WAIT_MS)).editOriginal(edit.capture());
        assertThat(edit.getValue().getEmbeds().get(0).getFooter().getText()).contains("2/2");
    }

    @Test
    void whenWorkersAreGoneTheUserIsToldToRetry() {
        workers.shutdownNow();
        service(REAL, Duration.ofMillis(50))
                .slash("resignations", "stats", Map.of(), Caller.anyone(USER, Optional.empty()), responder);
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(responder, timeout(WAIT_MS)).reply(sent.capture(), eq(true));
        assertThat(description(sent.getValue())).isEqualTo(REAL.templates().get(Lang.EN, "discord.busy"));
    }

    @Test
    void restrictedCommandsAreCheckedAgainOnOurSide() {
        CommandCatalog catalog = CommandCatalog.standard().with(List.of(
                new CommandSpec("desk", null, "cmd.about", List.of(), CommandSpec.Access.EDITOR)));
        CommandRouter router = router(catalog);
        when(router.handle(any(), any())).thenReturn(REAL.replies().userError(Lang.EN, "error.range_reversed"));
        InteractionService s = service(withRouter(router), Duration.ofSeconds(2));

        s.slash("desk", null, Map.of(), Caller.anyone(USER, Optional.empty()), responder);
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(responder, timeout(WAIT_MS)).reply(sent.capture(), eq(true));
        assertThat(description(sent.getValue())).isEqualTo(REAL.templates().get(Lang.EN, "discord.not_allowed", "command", "desk"));
        verify(router, never()).handle(any(), any());

        s.slash("desk", null, Map.of(), new Caller(USER, Optional.empty(),
                java.util.Set.of(CommandSpec.Access.EVERYONE, CommandSpec.Access.EDITOR)), responder);
        verify(router, timeout(WAIT_MS)).handle(eq(new CommandRequest("desk", null, Map.of())), any(RequestContext.class));
    }

    @Test
    void repliesAreKeptPerDatasetVersionRequestAndLanguage() {
        Application app = TestBots.app();
        CommandRouter real = app.router();
        CommandRouter router = mock(CommandRouter.class);
        when(router.catalog()).thenReturn(real.catalog());
        when(router.handle(any(), any())).thenAnswer(inv -> real.handle(inv.getArgument(0), inv.getArgument(1)));
        InteractionService s = new InteractionService(app.discord().speech(),
                CoreCommands.of(router, app.completions(), () -> app.snapshot().version()),
                new MessageRenderer(app.templates(), new ComponentIds()),
                new ComponentIds(), workers, timers, Duration.ofSeconds(2), DiscordOptions.IN_MEMORY, 100);
        Caller en = Caller.anyone(USER, Optional.of("en-US"));
        Caller ar = Caller.anyone(USER, Optional.of("ar"));
        s.slash("resignations", "who", Map.of("name", "Josh Paul"), en, responder);
        s.slash("resignations", "who", Map.of("name", "Josh Paul"), en, responder);
        verify(router, org.mockito.Mockito.times(1)).handle(any(), any());
        s.slash("resignations", "who", Map.of("name", "Josh Paul"), ar, responder);   // another language: not the same reply
        verify(router, org.mockito.Mockito.times(2)).handle(any(), any());
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(responder, org.mockito.Mockito.times(3)).reply(sent.capture(), eq(false));
        assertThat(sent.getAllValues().get(2).getEmbeds().get(0).getTitle()).startsWith("جوش بول");

        app.replace(TestBots.fixture());   // same content, same version: still kept
        s.slash("resignations", "who", Map.of("name", "Josh Paul"), en, responder);
        verify(router, org.mockito.Mockito.times(2)).handle(any(), any());
    }

    @Test
    void autocompleteNeverFailsLoudly() throws Exception {
        Completions broken = mock(Completions.class);
        when(broken.complete(any(), any())).thenThrow(new IllegalStateException("index broken"));
        BotCore app = withCommands(REAL.discord(), CoreCommands.of(REAL.router(), broken, () -> REAL.snapshot().version()));
        java.util.concurrent.CompletableFuture<List<Reply.Choice>> got = new java.util.concurrent.CompletableFuture<>();
        service(app, Duration.ofSeconds(2)).autocomplete("name", "mil", got::complete);
        assertThat(got.get(2, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        assertThat(logs.errors()).anySatisfy(l -> assertThat(l).contains("autocomplete"));
    }
}
