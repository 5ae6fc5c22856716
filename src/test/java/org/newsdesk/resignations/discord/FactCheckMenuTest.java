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
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Reply;

/** The menu's buttons on a multi-page result, without Discord: page turns, posting, refusals. */
class FactCheckMenuTest {

    static final long ASKER = 7L;
    static final long OTHER = 8L;

    final Application app = TestBots.app();
    final FactCheckMenu menu = new FactCheckMenu(app.discord().speech(), null, app.factcheck()::check, app.templates(),
            new MessageRenderer(app.templates(), new ComponentIds()));
    final Reply threePages = Reply.answer(List.of(
            new Card("one", "first", List.of(), ""), new Card("two", "second", List.of(), ""),
            new Card("three", "third", List.of(), "")), Optional.empty());

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
                "fc:gf:" + key + ":0", "fc:gp:" + key + ":0", "fc:gn:" + key + ":1", "fc:gl:" + key + ":2",
                "fc:p:" + key + ":0");

        Responder turn = mock(Responder.class);
        menu.click("fc:gn:" + key + ":1", ASKER, Optional.empty(), turn);
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        verify(turn).update(edit.capture());
        assertThat(edit.getValue().getEmbeds().get(0).getTitle()).isEqualTo("two");
        assertThat(ids(edit.getValue().getComponents())).contains("fc:p:" + key + ":1");
        assertThat(edit.getValue().getAllowedMentions()).isEmpty();

        Responder post = mock(Responder.class);
        menu.click("fc:p:" + key + ":1", ASKER, Optional.empty(), post);
        ArgumentCaptor<MessageCreateData> posted = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(post).reply(posted.capture(), eq(false));
        assertThat(posted.getValue().getEmbeds().get(0).getTitle()).isEqualTo("two");
        assertThat(posted.getValue().getAllowedMentions()).isEmpty();
        // the public copy's page buttons are anyone's (owner 0) and go through the generic pager
        assertThat(ids(posted.getValue().getComponents())).hasSize(4)
                .allSatisfy(id -> assertThat(id).startsWith("p").contains(":0:@"));
    }

    @Test
    void onlyTheAskerTurnsOrPosts() {
        String key = menu.keep(new FactCheckMenu.Kept(ASKER, Lang.AR, threePages));
        for (String id : List.of("fc:gn:" + key + ":1", "fc:p:" + key + ":0")) {
            Responder r = mock(Responder.class);
            menu.click(id, OTHER, Optional.empty(), r);
            ArgumentCaptor<MessageCreateData> m = ArgumentCaptor.forClass(MessageCreateData.class);
            verify(r).reply(m.capture(), eq(true));
            verify(r, never()).update(any());
            assertThat(m.getValue().getEmbeds().get(0).getDescription())
                    .isEqualTo(app.templates().get(Lang.AR, "discord.factcheck.not_yours"));
        }
    }

    @Test
    void malformedOrUnknownIdsSayTheResultExpired() {
        for (String id : List.of("fc:", "fc:p", "fc:p:nokey:0", "fc:x:y:z:w")) {
            Responder r = mock(Responder.class);
            menu.click(id, ASKER, Optional.of("ar"), r);
            ArgumentCaptor<MessageCreateData> m = ArgumentCaptor.forClass(MessageCreateData.class);
            verify(r).reply(m.capture(), eq(true));
            assertThat(m.getValue().getEmbeds().get(0).getDescription())
                    .isEqualTo(app.templates().get(Lang.AR, "discord.factcheck.expired"));
        }
        Responder r = mock(Responder.class);
        menu.click("fc:zz:" + menu.keep(new FactCheckMenu.Kept(ASKER, Lang.EN, threePages)) + ":0", ASKER, Optional.empty(), r);
        verify(r).reply(any(), anyBoolean());
    }

    /** The check runs like a command: on a worker, acknowledged when it runs long, the result then follows for the asker. */
    @Test
    void aSlowCheckIsAcknowledgedFirstAndNeverRunsOnTheEventThread() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
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
            MessageRenderer renderer = new MessageRenderer(app.templates(), new ComponentIds());
            InteractionService service = new InteractionService(app.discord().speech(), app.discord().commands(), renderer,
                    new ComponentIds(), workers, timers, Duration.ofMillis(50));
            FactCheckMenu checking = new FactCheckMenu(app.discord().speech(), service, slow, app.templates(), renderer);

            checking.check("Josh Paul resigned in October 2023", ASKER, Optional.of("en-US"), r);
            InOrder order = inOrder(r);
            order.verify(r, timeout(10_000)).defer(false);
            order.verify(r, timeout(10_000)).deleteOriginal();
            ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
            order.verify(r, timeout(10_000)).followUp(sent.capture(), eq(true));
            assertThat(ids(sent.getValue().getComponents())).anySatisfy(id -> assertThat(id).startsWith("fc:p:"));
            assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        } finally {
            workers.shutdownNow();
            timers.shutdownNow();
        }
    }
}
