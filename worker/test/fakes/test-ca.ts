/// <reference types="node" />
// A throwaway certificate authority for the https fakes, made with openssl once per run. workerd
// trusts only the CAs it is given: Miniflare reads NODE_EXTRA_CA_CERTS when it loads and passes
// those certificates to workerd's outbound TLS (its "internet" service's trustedCertificates), so
// vitest.config.ts imports this module before the Cloudflare plugin. The tests' https receiver
// then presents a certificate for 127.0.0.1 signed by this CA, and nothing else is trusted more.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestTls {
  key: string;
  cert: string;
}

function makeCa(dir: string): void {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=creator-agent test CA",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
  );
  run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
  writeFileSync(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n");
  run(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "server.ext",
    "-out",
    "server.pem",
  );
  // Any CAs the caller already trusted stay trusted.
  const earlier = process.env.NODE_EXTRA_CA_CERTS;
  const extra = earlier && existsSync(earlier) ? readFileSync(earlier, "utf8") : "";
  writeFileSync(join(dir, "trusted.pem"), `${readFileSync(join(dir, "ca.pem"), "utf8")}\n${extra}`);
}

// The config may be evaluated more than once per run; every evaluation shares one CA.
if (!process.env.FAKE_TLS_DIR) {
  const dir = mkdtempSync(join(tmpdir(), "creator-agent-tls-"));
  makeCa(dir);
  process.env.FAKE_TLS_DIR = dir;
  process.env.NODE_EXTRA_CA_CERTS = join(dir, "trusted.pem");
}

/** The https fakes' key and certificate (for 127.0.0.1, signed by the run's CA). */
export function testTls(): TestTls {
  const dir = process.env.FAKE_TLS_DIR!;
  return { key: readFileSync(join(dir, "server.key"), "utf8"), cert: readFileSync(join(dir, "server.pem"), "utf8") };
}
