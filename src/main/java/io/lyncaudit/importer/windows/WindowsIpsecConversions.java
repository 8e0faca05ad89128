package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage two for Windows IPsec: raw connection-security rule blocks into {@link IpsecRule}s.
 *
 * <p>Exempt ("Do not authenticate") is: {@code Get-NetIPsecRule} with {@code InboundSecurity} and
 * {@code OutboundSecurity} both {@code None}; netsh consec {@code Action: NoAuthentication}. Any
 * {@code Request}/{@code Require} (netsh {@code RequireInRequestOut}, {@code RequestInRequestOut},
 * {@code RequireInRequireOut}, {@code RequireInClearOut}) asks for authentication. Endpoint 1 is the
 * local address ({@code LocalAddress}, netsh {@code Endpoint1}) with its ports, endpoint 2 the
 * remote one. Disabled rules, rules of another profile than the active one (Domain) and tunnel-mode
 * rules are diagnostics, not rules. Every line of a rule gets its verdict through {@link WindowsProperties}.
 */
final class WindowsIpsecConversions {
    private WindowsIpsecConversions() {}

    static List<IpsecRule> rules(List<RawBlock> blocks, WindowsValues.Profile active, WindowsProperties props) {
        List<IpsecRule> out = new ArrayList<>();
        for (RawBlock b : blocks) {
            IpsecRule r = convert(b, out.size() + 1, active, props);
            if (r != null) out.add(r);
        }
        return out;
    }

    static IpsecRule convert(RawBlock b, int index, WindowsValues.Profile active, WindowsProperties props) {
        String name = b.value("displayname", "rulename", "name", "ipsecrulename");
        RawBlock.Field action = b.field("action");
        RawBlock.Field inSec = b.field("inboundsecurity"), outSec = b.field("outboundsecurity");
        if (action == null && (inSec == null || outSec == null)) {
            props.rule(b, Verdict.UNRECOGNIZED, (name.isEmpty() ? "a block" : "rule '" + name + "'")
                    + " without Action or InboundSecurity/OutboundSecurity (truncated export?); not read");
            return null;
        }
        RawBlock.Field en = b.field("enabled");
        if (en != null) {
            Boolean on = WindowsValues.bool(en.value());
            if (on == null) {
                props.rule(b, Verdict.UNRECOGNIZED, "Enabled '" + en.value() + "' is not True/False or Yes/No; rule not read");
                return null;
            }
            if (!on) {
                props.rule(b, Verdict.IGNORED, "rule disabled");
                return null;
            }
        }
        RawBlock.Field prof = b.field("profile", "profiles");
        if (prof != null) {
            Set<WindowsValues.Profile> ps = WindowsValues.profiles(prof.value());
            if (ps == null) {
                props.rule(b, Verdict.UNRECOGNIZED, "Profile '" + prof.value() + "' is not Domain, Private, Public or Any; rule not read");
                return null;
            }
            if (!ps.contains(active)) {
                props.rule(b, Verdict.IGNORED, "rule applies to profile " + prof.value() + ", not the active profile");
                return null;
            }
        }
        String mode = b.value("mode");
        if (mode.equalsIgnoreCase("tunnel")) {
            props.rule(b, Verdict.UNSUPPORTED, "tunnel-mode rules are not modelled; rule not read");
            return null;
        }
        boolean exempt;
        String auth;
        if (action != null) {
            auth = action.value();
            String a = auth.toLowerCase(Locale.ROOT);
            if (a.equals("noauthentication") || a.equals("donotauthenticate")) exempt = true;
            else if (a.startsWith("require") || a.startsWith("request")) exempt = false;
            else {
                props.rule(b, Verdict.UNRECOGNIZED, "Action '" + auth + "' is not NoAuthentication, Request... or Require...; rule not read");
                return null;
            }
        } else {
            auth = "InboundSecurity " + inSec.value() + ", OutboundSecurity " + outSec.value();
            Boolean i = security(inSec.value()), o = security(outSec.value());
            if (i == null || o == null) {
                props.rule(b, Verdict.UNRECOGNIZED, auth + ": expected None, Request or Require; rule not read");
                return null;
            }
            exempt = i && o;
            if (i != o) {
                String why = auth + ": exempt one way only; read as not exempt (the IPsec checks need both directions)";
                props.field(inSec, Verdict.UNSUPPORTED, why);
                props.field(outSec, Verdict.UNSUPPORTED, why);
            }
        }
        if (b.field("protocol", "endpoint1", "endpoint2", "localaddress", "remoteaddress", "localport", "remoteport", "port1", "port2") == null) {
            props.rule(b, Verdict.UNRECOGNIZED, "rule '" + name + "' has no protocol, port or address property: export "
                    + "Get-NetIPsecRule joined with its address and port filters; rule not read");
            return null;
        }
        IntervalSet protocols, e1, e2, p1, p2;
        try {
            RawBlock.Field pf = b.field("protocol");
            protocols = pf == null ? Protocols.ALL : WindowsValues.protocols(pf.value());
            e1 = WindowsValues.addresses(b.field("endpoint1", "localaddress"), props);
            e2 = WindowsValues.addresses(b.field("endpoint2", "remoteaddress"), props);
            p1 = WindowsValues.ports(b.field("port1", "localport", "endpoint1port"), props);
            p2 = WindowsValues.ports(b.field("port2", "remoteport", "endpoint2port"), props);
        } catch (IllegalArgumentException e) {
            props.rule(b, Verdict.UNRECOGNIZED, e.getMessage() + "; rule not read");
            return null;
        }
        if (protocols.intersect(Protocols.PORTED).isEmpty()
                && !(p1.equals(Ports.ALL) && p2.equals(Ports.ALL))) {
            props.rule(b, Verdict.UNRECOGNIZED, "ports are given, but protocol " + Protocols.format(protocols)
                    + " has none; rule not read");
            return null;
        }
        props.kept(b); // the IPsec model has no uncertain rules: an unknown property is only diagnosed
        return new IpsecRule(index, name.isEmpty() ? null : name, exempt, auth, IpsecRule.between(protocols, e1, e2, p1, p2),
                SourceRef.line(props.file(), b.line(), b.text()));
    }

    /** True for None, false for Request or Require (CIM enum: None = 0, Request = 1, Require = 2), null otherwise. */
    private static Boolean security(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none") || s.equals("0")) return true;
        if (s.startsWith("request") || s.startsWith("require") || s.equals("1") || s.equals("2")) return false;
        return null;
    }
}
