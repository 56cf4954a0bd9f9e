"""
Debian's websockify (WebSocket -> TCP bridge) in front of RabbitMQ for the AMQP-over-WebSocket
probe tests. RabbitMQ 3.10 has no AMQP 1.0 over WebSocket, and stock websockify refuses a client
that asks for the "amqp" subprotocol (it only ever selects "binary": HTTP 400 "Invalid protocol
selected"), which the AMQP WebSocket binding and CI's client require. So this runs websockify's own
command line with two changes, nothing else: the "amqp" subprotocol is accepted when offered, and
upgrades are served only at AMQP_WS_PATH (others get 404, as a broker's WebSocket endpoint does).
Arguments are websockify's: [--cert FILE --key FILE] LISTEN_HOST:PORT TARGET_HOST:PORT.
"""
import os
import sys

from websockify import websocketproxy, websockifyserver

ONLY_PATH = os.environ.get('AMQP_WS_PATH', '/')


def select_subprotocol(self, protocols):
    return 'amqp' if 'amqp' in [p.strip() for p in protocols] else ''


websockifyserver.CompatibleWebSocket.select_subprotocol = select_subprotocol
_upgrade = websocketproxy.ProxyRequestHandler.handle_upgrade


def handle_upgrade(self):
    if self.path.split('?')[0] != ONLY_PATH:
        self.send_error(404, 'No AMQP WebSocket endpoint at this path')
        return
    _upgrade(self)


websocketproxy.ProxyRequestHandler.handle_upgrade = handle_upgrade

if __name__ == '__main__':
    sys.argv[0] = 'websockify'
    sys.exit(websocketproxy.websockify_init())
