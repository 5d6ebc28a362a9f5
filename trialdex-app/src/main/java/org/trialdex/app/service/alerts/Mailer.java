package org.trialdex.app.service.alerts;

import java.util.Map;
import java.util.Objects;

/** Sends alert mail. {@link SmtpMailer} sends it over SMTP. */
public interface Mailer {

  /**
   * One message: plain text in UTF-8.
   *
   * @param to the recipient
   * @param subject the subject line
   * @param text the body
   * @param headers extra headers (List-Unsubscribe...)
   * @param messageId the Message-ID, the same however often the message is sent again
   */
  record Mail(String to, String subject, String text, Map<String, String> headers, String messageId) {
    public Mail {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(text, "text");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(messageId, "messageId");
    }

    @Override
    public String toString() {
      return "Mail[" + subject + "]"; // never the address
    }
  }

  /**
   * Sends {@code mail}; returns once the SMTP server accepted it.
   *
   * @throws MailException when it was not accepted; the message says why
   */
  void send(Mail mail);

  /** A message not accepted by the mail server. */
  final class MailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
