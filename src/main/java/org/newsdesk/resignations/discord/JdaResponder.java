package org.newsdesk.resignations.discord;

import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.modals.Modal;
import org.newsdesk.resignations.render.Refs;
import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Responder} over a JDA interaction; a request Discord refuses is logged with a ref. */
final class JdaResponder implements Responder {

    private static final Logger LOG = LoggerFactory.getLogger(JdaResponder.class);

    private final IReplyCallback interaction;
    private final IMessageEditCallback editable;
    private final String what;

    JdaResponder(IReplyCallback interaction, String what) {
        this.interaction = interaction;
        this.editable = interaction instanceof IMessageEditCallback e ? e : null;
        this.what = what;
    }

    @Override
    public void reply(MessageCreateData message, boolean ephemeral) {
        interaction.reply(message).setEphemeral(ephemeral).queue(null, failed("reply"));
    }

    @Override
    public void modal(Modal modal) {
        if (!(interaction instanceof IModalCallback m)) {
            throw new IllegalStateException("cannot answer with a form: " + what);
        }
        m.replyModal(modal).queue(null, failed("modal"));
    }

    @Override
    public void defer(boolean ephemeral) {
        interaction.deferReply(ephemeral).queue(null, failed("defer"));
    }

    @Override
    public void update(MessageEditData message) {
        if (editable == null) {
            throw new IllegalStateException("not a component interaction: " + what);
        }
        editable.editMessage(message).queue(null, failed("update"));
    }

    @Override
    public void deferUpdate() {
        if (editable == null) {
            throw new IllegalStateException("not a component interaction: " + what);
        }
        editable.deferEdit().queue(null, failed("defer update"));
    }

    @Override
    public void editOriginal(MessageEditData message) {
        interaction.getHook().editOriginal(message).queue(null, failed("edit"));
    }

    @Override
    public void followUp(MessageCreateData message, boolean ephemeral) {
        interaction.getHook().sendMessage(message).setEphemeral(ephemeral).queue(null, failed("follow-up"));
    }

    @Override
    public void deleteOriginal() {
        interaction.getHook().deleteOriginal().queue(null, failed("delete"));
    }

    private Consumer<Throwable> failed(String step) {
        return e -> LOG.error("ref {}: Discord refused the {} for {}: {}", Refs.next(), step, what, e.toString());
    }
}
