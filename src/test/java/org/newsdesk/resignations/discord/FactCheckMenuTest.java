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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Reply;

/**
 * The menu's buttons on a multi-page result, without Discord: page turns, posting, refusals,
 * answered through a real {@link InteractionService} as in the bot.
 */
class FactCheckMenuTest {

    static final long ASKER = 7L;
    static final long OTHER = 8L;

    final Application app = TestBots.app();
    final ExecutorService workers = Executors.newSingleThreadExecutor();
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final ComponentIds componentIds = new ComponentIds();
    final MessageRenderer renderer = new MessageRenderer(app.templates(), componentIds);
    final InteractionService service = new InteractionService(app.discord().speech(), app.discord().commands(), renderer,
            componentIds, workers, timers, Duration.ofSeconds(2));
    final FactCheckMenu menu = new FactCheckMenu(app.discord().speech(), service, app.factcheck()::check, app.templates(),
            renderer);
    final Reply threePages = Reply.answer(List.of(
            new Card("one", "first", List.of(), ""), new Card("two", "second", List.of(), ""),
            new Card("three", "third", List.of(), "")), Optional.empty());

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    /** A click on one of the menu's buttons, decoded as the listener decodes it. */
    void click(String id, long user, Optional<String> locale, Responder r) {
        ComponentId.Decoded d = componentIds.decode(id);
        assertThat(d).as(id).isInstanceOf(ComponentId.Found.class);
        menu.click(((ComponentId.Found) d).id(), user, locale, r);
    }

    static List<String> ids(List<? extends MessageTopLevelComponentUnion> rows) {
        List<String> out = new ArrayList<>();
        for (MessageTopLevelComponentUnion row : rows) {
            for (Button b : row.asActionRow().getButtons()) {
                out.add(b.getCustomId());
            }
        }
        return out;
    }

    @Test
    void pagesTurnPrivatelyKeepThePostButtonAndPostThePageShown() {
        String key = menu.keep(new FactCheckMenu.Kept(ASKER, Lang.EN, threePages));
        MessageCreateData first = menu.privateCopy(key, new FactCheckMenu.Kept(ASKER, Lang.EN, threePages), 0);
        assertThat(first.getEmbeds().get(0).getTitle()).isEqualTo("one");
        assertThat(ids(first.getComponents())).containsExactly(
                "f:gf:" + key + ":0", "f:gp:" + key + ":0", "f:gn:" + key + ":1", "f:gl:" + key + ":2",
                "f:p:" + key + ":0");

        Responder turn = mock(Responder.class);
        click("f:gn:" + key + ":1", ASKER, Optional.empty(), turn);
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        verify(turn).update(edit.capture());
        assertThat(edit.getValue().getEmbeds().get(0).getTitle()).isEqualTo("two");
        assertThat(ids(edit.getValue().getComponents())).contains("f:p:" + key + ":1");
        assertThat(edit.getValue().getAllowedMentions()).isEmpty();

        Responder post = mock(Responder.class);
        click("f:p:" + key + ":1", ASKER, Optional.empty(), post);
        ArgumentCaptor<MessageCreateData> posted = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(post).reply(posted.capture(), eq(false));
        assertThat(posted.getValue().getEmbeds().get(0).getTitle()).isEqualTo("two");
        assertThat(posted.getValue().getAllowedMentions()).isEmpty();
        // the public copy's page buttons are anyone's (owner 0) and go through the generic pager
        assertThat(ids(posted.getValue().getComponents())).hasSize(4)
                .allSatisfy(id -> assertThat(id).startsWith("r:p").contains(":0:@"));
    }

    @Test
    void onlyTheAskerTurnsOrPosts() {
        String key = menu.keep(new FactCheckMenu.Kept(ASKER, Lang.AR, threePages));
        for (String id : List.of("f:gn:" + key + ":1", "f:p:" + key + ":0")) {
            Responder r = mock(Responder.class);
            click(id, OTHER, Optional.empty(), r);
            ArgumentCaptor<MessageCreateData> m = ArgumentCaptor.forClass(MessageCreateData.class);
            verify(r).reply(m.capture(), eq(true));
            verify(r, never()).update(any());
            assertThat(m.getValue().getEmbeds().get(0).getDescription())
                    .isEqualTo(app.templates().get(Lang.AR, "discord.factcheck.not_yours"));
        }
    }

    @Test
    void malformedOrUnknownIdsSayTheResultExpired() {
        for (String id : List.of("f:", "f:p", "f:p:nokey:0", "f:x:y:z:w", "f:p:%3A:0")) {
            Responder r = mock(Responder.class);
            click(id, ASKER, Optional.of("ar"), r);
            ArgumentCaptor<MessageCreateData> m = ArgumentCaptor.forClass(MessageCreateData.class);
            verify(r).reply(m.capture(), eq(true));
            assertThat(m.getValue().getEmbeds().get(0).getDescription())
                    .isEqualTo(app.templates().get(Lang.AR, "discord.factcheck.expired"));
        }
        Responder r = mock(Responder.class);
        click("f:zz:" + menu.keep(new FactCheckMenu.Kept(ASKER, Lang.EN, threePages)) + ":0", ASKER, Optional.empty(), r);
        verify(r).reply(any(), anyBoolean());
    }

    /** The check runs like a command: on a worker, acknowledged when it runs long, the result then follows for the asker. */
    @Test
    void aSlowCheckIsAcknowledgedFirstAndNeverRunsOnTheEventThread() throws Exception {
        try {
            Responder r = mock(Responder.class);
            CountDownLatch acknowledged = new CountDownLatch(1);
            doAnswer(inv -> {
                acknowledged.countDown();
                return null;
            }).when(r).defer(anyBoolean());
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            BotCore.FactCheck slow = (text, lang) -> {
                ranOn.set(Thread.currentThread());
                try {
                    assertThat(acknowledged.await(10, TimeUnit.SECONDS)).as("acknowledged while the check ran").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return threePages;
            };
            InteractionService service = new InteractionService(app.discord().speech(), app.discord().commands(), renderer,
                    componentIds, workers, timers, Duration.ofMillis(50));
            FactCheckMenu checking = new FactCheckMenu(app.discord().speech(), service, slow, app.templates(), renderer);

            checking.check("Josh Paul resigned in October 2023", ASKER, Optional.of("en-US"), r);
            InOrder order = inOrder(r);
            order.verify(r, timeout(10_000)).defer(false);
            order.verify(r, timeout(10_000)).deleteOriginal();
            ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
            order.verify(r, timeout(10_000)).followUp(sent.capture(), eq(true));
            assertThat(ids(sent.getValue().getComponents())).anySatisfy(id -> assertThat(id).startsWith("f:p:"));
            assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        } finally {
            workers.shutdownNow();
            timers.shutdownNow();
        }
    }
}
