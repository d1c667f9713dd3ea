"""Step 5: what peer cities, counties and agencies already learned."""

from .decision import advice, blocker
from .kinds import LONG_TEXT, TEXT
from .rows import PEERS

DECISIONS = (
    blocker("peers.peers", "Peers we learned from", PEERS, """
Peer organisations, their platforms, processes and tips."""),
    advice("peers.attraction", "How peers draw people in", LONG_TEXT, """
How peers attract businesses and residents to interact."""),
    advice("peers.adopt", "Tips and technology we will copy", LONG_TEXT, """
What you will adopt from peers."""),
    advice("peers.community", "Community of practice", TEXT, """
A network of peers to join.""", "State municipal league's social media group"),
)
