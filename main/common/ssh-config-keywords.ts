// Canonical spelling of ssh_config keywords. ssh matches keywords case-insensitively and
// `ssh -G` prints them lower-cased; summaries show the spelling people write.
// Source: ssh_config(5) of OpenSSH 9.2 (Debian), plus names that newer OpenSSH releases and
// macOS add or that older files still use, so a config written for another ssh still reads well.
const names =
  'Host Match AddKeysToAgent AddressFamily BatchMode BindAddress BindInterface CanonicalDomains ' +
  'CanonicalizeFallbackLocal CanonicalizeHostname CanonicalizeMaxDots ' +
  'CanonicalizePermittedCNAMEs CASignatureAlgorithms CertificateFile CheckHostIP Ciphers ' +
  'ClearAllForwardings Compression ConnectionAttempts ConnectTimeout ControlMaster ControlPath ' +
  'ControlPersist DynamicForward EnableEscapeCommandline EnableSSHKeysign EscapeChar ' +
  'ExitOnForwardFailure FingerprintHash ForkAfterAuthentication ForwardAgent ForwardX11 ' +
  'ForwardX11Timeout ForwardX11Trusted GatewayPorts GlobalKnownHostsFile GSSAPIAuthentication ' +
  'GSSAPIClientIdentity GSSAPIDelegateCredentials GSSAPIKeyExchange GSSAPIRenewalForcesRekey ' +
  'GSSAPIServerIdentity GSSAPITrustDns GSSAPIKexAlgorithms HashKnownHosts ' +
  'HostbasedAcceptedAlgorithms HostbasedAuthentication HostKeyAlgorithms HostKeyAlias HostName ' +
  'IdentitiesOnly IdentityAgent IdentityFile IgnoreUnknown Include IPQoS ' +
  'KbdInteractiveAuthentication KbdInteractiveDevices KexAlgorithms KnownHostsCommand ' +
  'LocalCommand LocalForward LogLevel LogVerbose MACs NoHostAuthenticationForLocalhost ' +
  'NumberOfPasswordPrompts PasswordAuthentication PermitLocalCommand PermitRemoteOpen ' +
  'PKCS11Provider Port PreferredAuthentications ProxyCommand ProxyJump ProxyUseFdpass ' +
  'PubkeyAcceptedAlgorithms PubkeyAuthentication RekeyLimit RemoteCommand RemoteForward ' +
  'RequestTTY RequiredRSASize RevokedHostKeys SecurityKeyProvider SendEnv ServerAliveCountMax ' +
  'ServerAliveInterval SessionType SetEnv StdinNull StreamLocalBindMask StreamLocalBindUnlink ' +
  'StrictHostKeyChecking SyslogFacility TCPKeepAlive Tunnel TunnelDevice UpdateHostKeys User ' +
  'UserKnownHostsFile VerifyHostKeyDNS VisualHostKey XAuthLocation ' +
  // older names, macOS, newer OpenSSH
  'ChallengeResponseAuthentication PubkeyAcceptedKeyTypes HostbasedKeyTypes UseKeychain Tag ' +
  'ChannelTimeout ObscureKeystrokeTiming RefuseConnection VersionAddendum';

const canonical = new Map(names.split(' ').map((n) => [n.toLowerCase(), n]));

/** The canonical spelling of a keyword, or undefined when this list does not know it. */
export function canonicalSshKeyword(keyword: string): string | undefined {
  return canonical.get(keyword.toLowerCase());
}
