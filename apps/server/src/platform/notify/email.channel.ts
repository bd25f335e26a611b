import { createTransport } from 'nodemailer';
import type { Channel } from './channel.ts';

/** E-mail through an SMTP relay (`SMTP_URL`, e.g. smtp://user:pass@mail.example.gov.cn:587). */
export function createEmailChannel(options: { smtpUrl: string; from: string }): Channel {
  const transport = createTransport(options.smtpUrl);
  return {
    name: 'email',
    async send(message) {
      const { notification } = message;
      await transport.sendMail({
        from: options.from,
        to: message.target.address,
        subject: notification.title,
        text: notification.link ? `${notification.body}\n\n${notification.link}` : notification.body,
        headers: { 'x-jtgov-delivery': String(message.deliveryId) },
      });
    },
  };
}
