package org.trialdex.app.service.alerts;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/** {@link Mailer} over SMTP with Jakarta Mail (Eclipse Angus), one connection per message. */
public final class SmtpMailer implements Mailer {

  /** Longest wait for the SMTP server to connect, or to answer one command. */
  static final int TIMEOUT_MS = 20_000;

  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", settings.host());
    p.put("mail." + protocol + ".port", Integer.toString(settings.port()));
    p.put("mail." + protocol + ".connectiontimeout", Integer.toString(TIMEOUT_MS));
    p.put("mail." + protocol + ".timeout", Integer.toString(TIMEOUT_MS));
    p.put("mail." + protocol + ".writetimeout", Integer.toString(TIMEOUT_MS));
    p.put("mail." + protocol + ".auth", Boolean.toString(settings.user().isPresent()));
    if (settings.security() == SmtpSettings.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (settings.security() != SmtpSettings.Security.NONE) {
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    Authenticator auth = settings.user().isEmpty() ? null : new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(settings.user().get(), settings.password().orElse(""));
      }
    };
    this.session = Session.getInstance(p, auth);
  }

  @Override
  public void send(Mail mail) {
    try {
      MimeMessage m = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", mail.messageId()); // stable: a resent alert is recognisably the same
        }
      };
      m.setFrom(new InternetAddress(settings.from(), true));
      m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(mail.to(), true));
      m.setSubject(mail.subject(), "UTF-8");
      m.setSentDate(new Date());
      m.setText(mail.text(), "UTF-8");
      for (Map.Entry<String, String> h : mail.headers().entrySet()) {
        m.setHeader(h.getKey(), h.getValue());
      }
      m.saveChanges();
      Transport.send(m);
    } catch (MessagingException e) {
      throw new MailException("the mail server " + settings.host() + ":" + settings.port() + " did not take the"
          + " message: " + e.getMessage(), e);
    }
  }
}
