#!/usr/bin/env python3
"""Sends one batch of new-connection packets through a NetnsLab router and reports where each arrived.

Used by io.lyncaudit.kernel.NetnsLab (test code); Python 3 standard library only, run as root.

One process does the whole batch, so nothing has to be timed between processes:
  1. it opens its listening sockets first, each inside its own network namespace (setns through
     ctypes; a socket stays in the namespace it was created in):
       - an AF_PACKET socket on the uplink of every end namespace: what R forwarded out of that
         interface, before any hook of the end namespace (the end does not forward, it only looks);
       - raw IPv4 and IPv6 sockets for TCP and UDP in R: the kernel hands a raw socket its copy in
         ip_local_deliver_finish / ip6_input_finish, after the INPUT (LOCAL_IN) hook, so it sees
         exactly what passed R's INPUT path (an AF_PACKET socket in R would see packets before any hook);
  2. it sends every frame, back to back, with one AF_PACKET socket on the uplink of the ingress end,
     addressed to R's MAC, with correct IPv4 header, TCP and UDP checksums (conntrack calls a packet
     with a bad checksum INVALID);
  3. it reads until nothing of the batch has arrived for the quiet time, then prints one line per
     packet seen and a summary line.

Each packet carries a tag that NAT leaves alone: for TCP the sequence number of the SYN, for UDP the
first bytes of the payload, salt + index. The IPv4 ID and the IPv6 flow label are set from the same
number for anyone reading a capture. TCP segments count only with SYN set and ACK, RST, FIN clear,
so R's own RSTs and ICMP errors are never mistaken for a probe.

Input on stdin, one directive a line:
  salt N                                   32-bit batch tag base (below 2**31)
  quiet SECONDS                            stop once nothing of the batch arrived for this long
  limit SECONDS                            stop anyway after this long
  send NETNS IFNAME SRCMAC DSTMAC          where the frames leave from and R's MAC
  sniff LABEL NETNS IFNAME                 an end namespace; LABEL is R's interface towards it
  local NETNS                              R itself
  probe tcp|udp SRC SPORT DST DPORT        one packet; its index is its order among the probes
Output on stdout:
  fwd INDEX LABEL SRC SPORT DST DPORT      seen arriving in the end behind R's interface LABEL
  local INDEX SRC SPORT DST DPORT          delivered to R (passed its INPUT path)
  conntrack COUNT MAX                      R's conntrack entries after the batch, and the limit
  done sent=N send_ms=X total_ms=Y
"""
import ctypes
import os
import select
import socket
import struct
import sys
import time

CLONE_NEWNET = 0x40000000
ETH_P_ALL = 0x0003
SO_RCVBUFFORCE = 33
PACKET_OUTGOING = 4
TCP_SYN, TCP_RST, TCP_ACK, TCP_FIN = 0x02, 0x04, 0x10, 0x01
MAGIC = b"lka!"
RCVBUF = 32 * 1024 * 1024

libc = ctypes.CDLL(None, use_errno=True)


def enter(netns):
    fd = os.open("/var/run/netns/" + netns, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "setns " + netns + ": " + os.strerror(err))
    finally:
        os.close(fd)


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def l4(proto, src, dst, sport, dport, tag, pseudo):
    if proto == "tcp":
        # a plain SYN with an MSS option, the tag as its initial sequence number
        hdr = struct.pack("!HHIIBBHHH", sport, dport, tag, 0, 6 << 4, TCP_SYN, 64240, 0, 0) + b"\x02\x04\x05\xb4"
        csum = checksum(pseudo(6, len(hdr)) + hdr)
        return 6, hdr[:16] + struct.pack("!H", csum) + hdr[18:]
    payload = MAGIC + struct.pack("!I", tag) + b"\0" * 8
    length = 8 + len(payload)
    dgram = struct.pack("!HHHH", sport, dport, length, 0) + payload
    csum = checksum(pseudo(17, length) + dgram) or 0xFFFF
    return 17, dgram[:6] + struct.pack("!H", csum) + dgram[8:]


def frame(probe, tag, srcmac, dstmac):
    proto, src, sport, dst, dport = probe
    if ":" in src:
        s, d = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
        nh, seg = l4(proto, s, d, sport, dport, tag,
                     lambda p, n: s + d + struct.pack("!IxxxB", n, p))
        ip = struct.pack("!IHBB", (6 << 28) | (tag & 0xFFFFF), len(seg), nh, 64) + s + d
        return dstmac + srcmac + b"\x86\xdd" + ip + seg
    s, d = socket.inet_aton(src), socket.inet_aton(dst)
    nh, seg = l4(proto, s, d, sport, dport, tag, lambda p, n: s + d + struct.pack("!xBH", p, n))
    flags = 0x4000 if proto == "tcp" else 0  # DF on the SYN, as a real stack sends it
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), tag & 0xFFFF, flags, 64, nh, 0, s, d)
    hdr = hdr[:10] + struct.pack("!H", checksum(hdr)) + hdr[12:]
    return dstmac + srcmac + b"\x08\x00" + hdr + seg


def parse_l4(nh, seg):
    """(sport, dport, tag) of a probe-shaped TCP SYN or tagged UDP datagram, else None."""
    if nh == 6 and len(seg) >= 20:
        sport, dport, seq, _, flags = struct.unpack("!HHIIxB", seg[:14])
        if flags & (TCP_SYN | TCP_ACK | TCP_RST | TCP_FIN) == TCP_SYN:
            return sport, dport, seq
    elif nh == 17 and len(seg) >= 16 and seg[8:12] == MAGIC:
        sport, dport = struct.unpack("!HH", seg[:4])
        return sport, dport, struct.unpack("!I", seg[12:16])[0]
    return None


def parse_ip(packet):
    """(src, sport, dst, dport, tag) of an IPv4 or IPv6 packet (no extension headers), else None."""
    if not packet:
        return None
    version = packet[0] >> 4
    if version == 4 and len(packet) >= 20:
        ihl = (packet[0] & 0x0F) * 4
        if struct.unpack("!H", packet[6:8])[0] & 0x1FFF:
            return None  # a later fragment has no ports
        got = parse_l4(packet[9], packet[ihl:])
        if got:
            return (socket.inet_ntop(socket.AF_INET, packet[12:16]), got[0],
                    socket.inet_ntop(socket.AF_INET, packet[16:20]), got[1], got[2])
    elif version == 6 and len(packet) >= 40:
        got = parse_l4(packet[6], packet[40:])
        if got:
            return (socket.inet_ntop(socket.AF_INET6, packet[8:24]), got[0],
                    socket.inet_ntop(socket.AF_INET6, packet[24:40]), got[1], got[2])
    return None


def main():
    salt, quiet, limit = 0, 0.1, 10.0
    sender, ends, local_ns, probes = None, [], None, []
    for line in sys.stdin:
        word = line.split()
        if not word:
            continue
        if word[0] == "salt":
            salt = int(word[1])
        elif word[0] == "quiet":
            quiet = float(word[1])
        elif word[0] == "limit":
            limit = float(word[1])
        elif word[0] == "send":
            sender = (word[1], word[2], bytes.fromhex(word[3].replace(":", "")), bytes.fromhex(word[4].replace(":", "")))
        elif word[0] == "sniff":
            ends.append((word[1], word[2], word[3]))
        elif word[0] == "local":
            local_ns = word[1]
        elif word[0] == "probe":
            probes.append((word[1], word[2], int(word[3]), word[4], int(word[5])))
        else:
            raise SystemExit("unknown directive: " + line.strip())
    if sender is None:
        raise SystemExit("no send directive")

    # listeners first: label per socket; "" marks R's raw sockets
    listeners = {}
    for label, netns, ifname in ends:
        enter(netns)
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, RCVBUF)
        s.bind((ifname, ETH_P_ALL))
        listeners[s] = ("end", label)
    conntrack = []
    if local_ns:
        enter(local_ns)
        # /proc/sys/net files answer for the namespace they were opened in; read after the batch
        for name in ("nf_conntrack_count", "nf_conntrack_max"):
            try:
                conntrack.append(open("/proc/sys/net/netfilter/" + name, "rb", buffering=0))
            except OSError:
                pass  # no conntrack module loaded: nothing can fill up
        for proto in (socket.IPPROTO_TCP, socket.IPPROTO_UDP):
            s = socket.socket(socket.AF_INET, socket.SOCK_RAW, proto)
            s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, RCVBUF)
            listeners[s] = ("raw4", proto)
            if os.path.exists("/proc/sys/net/ipv6"):
                s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, proto)
                s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, RCVBUF)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVPKTINFO, 1)
                listeners[s] = ("raw6", proto)
    for s in listeners:
        s.setblocking(False)

    netns, ifname, srcmac, dstmac = sender
    enter(netns)
    out = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    out.bind((ifname, 0))
    frames = [frame(p, (salt + i) & 0xFFFFFFFF, srcmac, dstmac) for i, p in enumerate(probes)]

    seen = {}
    lines = []

    def note(index, line):
        if index not in seen:
            seen[index] = True
            lines.append(line)
            return True
        return False

    def index_of(tag):
        i = (tag - salt) & 0xFFFFFFFF
        return i if i < len(probes) else None

    def drain(s):
        kind, what = listeners[s]
        found = False
        while True:
            try:
                if kind == "raw6":
                    data, anc, _, addr = s.recvmsg(65535, 256)
                else:
                    data, addr = s.recvfrom(65535)
            except BlockingIOError:
                return found
            if kind == "end":
                if addr[2] == PACKET_OUTGOING or len(data) < 14:
                    continue
                ethertype = struct.unpack("!H", data[12:14])[0]
                if ethertype not in (0x0800, 0x86DD):
                    continue
                got = parse_ip(data[14:])
                if got and index_of(got[4]) is not None:
                    i = index_of(got[4])
                    found |= note(i, "fwd %d %s %s %d %s %d" % (i, what, got[0], got[1], got[2], got[3]))
            elif kind == "raw4":
                got = parse_ip(data)
                if got and index_of(got[4]) is not None:
                    i = index_of(got[4])
                    found |= note(i, "local %d %s %d %s %d" % (i, got[0], got[1], got[2], got[3]))
            else:
                got = parse_l4(what, data)
                dst = None
                for level, typ, cdata in anc:
                    if level == socket.IPPROTO_IPV6 and typ == socket.IPV6_PKTINFO and len(cdata) >= 16:
                        dst = socket.inet_ntop(socket.AF_INET6, cdata[:16])
                if got and dst and index_of(got[2]) is not None:
                    i = index_of(got[2])
                    src = addr[0].split("%")[0]
                    found |= note(i, "local %d %s %d %s %d" % (i, src, got[0], dst, got[1]))

    start = time.monotonic()
    for f in frames:
        out.send(f)
    sent = time.monotonic()
    last = sent
    while len(seen) < len(probes):
        now = time.monotonic()
        wait = min(quiet - (now - last), limit - (now - start))
        if wait <= 0:
            break
        ready, _, _ = select.select(list(listeners), [], [], wait)
        for s in ready:
            if drain(s):
                last = time.monotonic()
    for s in listeners:
        drain(s)
    end = time.monotonic()
    sys.stdout.write("".join(line + "\n" for line in lines))
    if len(conntrack) == 2:
        sys.stdout.write("conntrack %s %s\n" % tuple(f.read().decode().strip() for f in conntrack))
    sys.stdout.write("done sent=%d send_ms=%.1f total_ms=%.1f\n" % (len(frames), (sent - start) * 1000, (end - start) * 1000))


if __name__ == "__main__":
    main()
