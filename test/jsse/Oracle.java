/*
 * The JSSE oracle: connects to each case the way Cloud Integration's adapters do (JDK 17 JSSE,
 * PKIX trust from a keystore holding only the given certificates, TLS 1.2 / 1.3 only, endpoint
 * identification "HTTPS", SNI, no AIA fetching, the JDK's own disabled-algorithm lists) and
 * prints what Java says. One JVM runs every case, so the matrix pays the JVM start once.
 *
 * Run: java Oracle.java CASES.tsv
 * CASES.tsv: one case per line, tab-separated: id, host (SNI and identity), port on 127.0.0.1,
 *            PEM file holding the keystore's trusted certificates ("-" = empty keystore).
 * Output:    id <TAB> OK <TAB> protocol <TAB> cipher      or      id <TAB> FAIL <TAB> messages
 */
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

public class Oracle {
    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            System.out.println(f[0] + "\t" + run(f[1], Integer.parseInt(f[2]), f[3]));
            System.out.flush();
        }
    }

    static String run(String host, int port, String caFile) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            if (!caFile.equals("-")) {
                try (InputStream in = new FileInputStream(caFile)) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca" + (i++), c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            Socket raw = new Socket();
            raw.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            raw.setSoTimeout(5000);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters p = s.getSSLParameters();
                p.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.startHandshake();
                return "OK\t" + s.getSession().getProtocol() + "\t" + s.getSession().getCipherSuite();
            }
        } catch (Exception e) {
            List<String> messages = new ArrayList<>();
            for (Throwable t = e; t != null && messages.size() < 6; t = t.getCause()) {
                String m = t.getClass().getName() + ": " + t.getMessage();
                if (!messages.contains(m)) messages.add(m);
            }
            return "FAIL\t" + String.join(" | ", messages).replace('\t', ' ').replace('\n', ' ');
        }
    }
}
