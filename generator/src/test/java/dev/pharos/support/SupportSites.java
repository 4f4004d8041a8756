package dev.pharos.support;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small real content roots for the support tests, built with the real pipeline. */
final class SupportSites {

    private SupportSites() {
    }

    static final String BASE = """
            title: {en: Help, zh-CN: 帮助}
            baseUrl: https://help.example.com/
            locales:
              - code: en
              - code: zh-CN
            """;

    static void write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A two-locale site: a withdrawals section with one article, and an urgent security section. */
    static Path site(Path dir, String support) {
        Path root = dir.resolve("content");
        write(root, "pharos.yml", BASE + support);
        write(root, "en/_index.md", "---\ntitle: Help\n---\n");
        write(root, "zh-CN/_index.md", "---\ntitle: 帮助\n---\n");
        write(root, "en/wallet/_index.md", "---\ntitle: Wallet\nticket:\n  category: withdrawals\n---\n");
        write(root, "en/wallet/pending.md", "---\ntitle: \"Pending & stuck: why?\"\n---\nText.\n");
        write(root, "zh-CN/wallet/_index.md", "---\ntitle: 钱包\nticket:\n  category: withdrawals\n---\n");
        write(root, "zh-CN/wallet/pending.md", "---\ntitle: 提币为什么还在处理中？\n---\n正文。\n");
        write(root, "en/security/_index.md", "---\ntitle: Security\nurgent: true\nticket: {category: security}\n---\n");
        write(root, "en/security/hacked.md", "---\ntitle: My account was hacked\n---\nFreeze it.\n");
        write(root, "en/security/odd.md", "---\ntitle: Odd\nticket:\n  category: withdrawl\n---\nText.\n");
        return root;
    }

    static BuildResult build(Path root, Path out) throws PharosException {
        return Pharos.build(BuildOptions.of(root, out));
    }

    /** The problems of a build that must fail. */
    static List<Problem> errors(Path root, Path out) {
        try {
            Pharos.build(BuildOptions.of(root, out));
        } catch (PharosException e) {
            return e.problems();
        }
        throw new AssertionError("the build should have failed");
    }

    static final String SUPPORT = """
            support:
              provider: zendesk
              zendesk:
                subdomain: acme
                formId: 111
                categoryField: 222
              details:
                - id: uid
                  label: {en: UID, zh-CN: 用户 ID}
                - id: txid
                  label: {en: "Withdrawal ID or TxID", zh-CN: 提币 ID 或 TxID}
                - id: shot
                  label: {en: Screenshot, zh-CN: 截图}
                  attach: true
              categories:
                - id: withdrawals
                  label: {en: Withdrawals, zh-CN: 提币}
                  details: [uid, txid, shot]
                  zendesk: {tag: wd}
                - id: security
                  label: {en: Security, zh-CN: 账户安全}
                  details: [uid]
                - id: general
                  label: {en: Other, zh-CN: 其他}
              channels:
                - id: email
                  type: email
                  name: {en: Email, zh-CN: 邮件}
                  url: mailto:help@example.com
                  response: {en: 1-2 business days, zh-CN: 1–2 个工作日}
                  responseTime: 2d
                - id: chat
                  type: chat
                  name: {en: Live chat, zh-CN: 在线客服}
                  url: https://example.com/chat
                  response: {en: about 2 minutes, zh-CN: 约 2 分钟}
                  responseTime: 2m
                - id: ticket
                  type: ticket
                  name: {en: Ticket, zh-CN: 工单}
                  responseTime: 24h
                - id: callback
                  type: phone
                  name: {en: Emergency callback, zh-CN: 紧急回电}
                  phone: "+1 555 0100"
                  responseTime: 15m
                  categories: [security]
                - id: group
                  type: community
                  name: {en: Forum, zh-CN: 中文社区}
                  url: https://forum.example.com
                  locales: [zh-CN]
              emergency:
                title: {en: "Hacked? Freeze now", zh-CN: 账户被盗？立即冻结}
                url: https://example.com/freeze
                phone: "+1 555 0100"
                article: security/hacked
                triggers:
                  en: [hacked, stolen]
                  zh-CN: [被盗]
              official:
                domains: [example.com]
                emails: ["@example.com"]
                handles:
                  - {platform: X, handle: "@acme"}
                phones: ["+1 555 0100"]
            """;
}
