package io.catalyst.core.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail through Liberty's mail feature: the {@code mail/catalyst} session in server.xml, pointed at
 * {@code CATALYST_SMTP_HOST}. Without an SMTP host (a developer's machine), each message is written as an .eml file to
 * {@code CATALYST_MAIL_DIR} instead, where it can be opened. The log names the recipient, never the content, which
 * carries one-time links.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource(lookup = "mail/catalyst")
    Session session;

    @Inject
    @ConfigProperty(name = "catalyst.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "catalyst.mail.dir")
    Optional<String> sinkDir;

    @Inject
    @ConfigProperty(name = "catalyst.mail.from", defaultValue = "Catalyst <no-reply@catalyst.local>")
    String from;

    public void send(String to, String subject, String text) {
        send(to, subject, text, null);
    }

    /**
     * Sends a message with a plain-text part and, when {@code html} is not null, an HTML part of the same content
     * (multipart/alternative: a mail client shows the HTML, or the text where it shows no HTML).
     */
    public void send(String to, String subject, String text, String html) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, "UTF-8");
            if (html == null) {
                message.setText(text, "UTF-8");
            } else {
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8");
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(html, "UTF-8", "html");
                message.setContent(new MimeMultipart("alternative", plain, rich));
            }
            message.setSentDate(new Date());
            if (smtpHost.filter(h -> !h.isBlank()).isPresent()) {
                Transport.send(message);
                LOG.info(() -> "Mail '" + subject + "' sent to " + to);
            } else {
                Path file = sink().resolve(Instant.now().toEpochMilli() + "-" + to.replaceAll("[^A-Za-z0-9@.-]", "_")
                        + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                LOG.info(() -> "No SMTP host: mail '" + subject + "' to " + to + " written to " + file);
            }
        } catch (MessagingException e) {
            throw new MailException("The mail to " + to + " could not be sent", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path sink() throws IOException {
        return Files.createDirectories(sinkDir.filter(d -> !d.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "catalyst-mail")));
    }
}
