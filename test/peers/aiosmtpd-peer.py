"""A loopback SMTP peer on Debian's python3-aiosmtpd for the SMTP probe tests.

Modes: 'starttls' (STARTTLS + AUTH after TLS), 'require-starttls' (530 before STARTTLS),
'plain' (no STARTTLS, AUTH in the clear), 'smtps' (implicit TLS). Senders starting with "spoof@"
are refused (553), recipients starting with "nobody@" are refused (550). Every DATA command is
counted into the --record file, so tests can prove the probe never sends mail.
The password comes from the environment (PEER_PASSWORD), never from argv.
"""
import argparse, asyncio, os, ssl, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

p = argparse.ArgumentParser()
p.add_argument('--port', type=int, required=True)
p.add_argument('--mode', required=True)
p.add_argument('--cert')
p.add_argument('--key')
p.add_argument('--user', default='mailer')
p.add_argument('--record', required=True)
a = p.parse_args()
PASSWORD = os.environ['PEER_PASSWORD'].encode()


def record(line):
    with open(a.record, 'a') as f:
        f.write(line + '\n')


class Handler:
    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address.startswith('spoof@'):
            return '553 5.7.1 Sender address rejected: not owned by user'
        envelope.mail_from = address
        return '250 OK'

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('nobody@'):
            return '550 5.1.1 Recipient address rejected: User unknown'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        record('MESSAGE')
        return '250 OK'


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == a.user.encode() and auth_data.password == PASSWORD
    # handled=False on failure, or aiosmtpd leaves the client hanging.
    return AuthResult(success=ok, handled=False)


class RecordingSMTP(SMTP):
    async def smtp_DATA(self, arg):
        record('DATA')
        return await super().smtp_DATA(arg)


class PeerController(Controller):
    def factory(self):
        return RecordingSMTP(self.handler, **self.SMTP_kwargs)


tls = None
if a.cert:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(a.cert, a.key)

# aiosmtpd does not count implicit TLS (SMTPS) as TLS for auth_require_tls, so it is off there.
kwargs = dict(authenticator=authenticator, auth_require_tls=a.mode not in ('plain', 'smtps'))
if a.mode in ('starttls', 'require-starttls'):
    kwargs.update(tls_context=tls, require_starttls=a.mode == 'require-starttls')
ctl = PeerController(Handler(), hostname='127.0.0.1', port=a.port,
                     ssl_context=tls if a.mode == 'smtps' else None, **kwargs)
ctl.start()
print('READY', flush=True)
try:
    sys.stdin.read()
finally:
    ctl.stop()
