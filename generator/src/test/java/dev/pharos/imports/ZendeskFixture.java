package dev.pharos.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Zendesk Guide export of the fictional exchange Tidewell, written as a folder in the layout {@code --from}
 * reads (the API's paths after {@code /api/v2/help_center/}): 3 categories, nested sections, 22 articles in en-us
 * and zh-cn (one without a zh-cn translation), with an inline image, a table, a code block, a draft and an iframe.
 */
final class ZendeskFixture {

    static final String SITE = "https://tidewell.zendesk.com";
    /** A 1x1 transparent PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static final long IMAGE_ARTICLE = 360000101;
    static final long TABLE_ARTICLE = 360000102;
    static final long CODE_ARTICLE = 360000103;
    static final long DRAFT_ARTICLE = 360000104;
    static final long IFRAME_ARTICLE = 360000105;
    static final long UNTRANSLATED_ARTICLE = 360000106;
    static final long RESET_ARTICLE = 360000110;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Article(long id, long section, int position, List<String> labels, boolean draft, String en,
            String enBody, String zh, String zhBody) {
    }

    private final Path root;
    private final List<Article> articles = new ArrayList<>();

    private ZendeskFixture(Path root) {
        this.root = root;
    }

    static ZendeskFixture write(Path root) {
        ZendeskFixture f = new ZendeskFixture(root);
        f.articles();
        f.save();
        return f;
    }

    Path root() {
        return root;
    }

    /** Changes one article's English title and body, as an editor in Zendesk would, and saves the folder again. */
    void editResetArticle(String title, String body) {
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            if (a.id() == RESET_ARTICLE) {
                articles.set(i, new Article(a.id(), a.section(), a.position(), a.labels(), a.draft(), title, body,
                        a.zh(), a.zhBody()));
            }
        }
        save();
    }

    private void articles() {
        add(IMAGE_ARTICLE, 2005, 1, List.of("network", "deposit"), false, "Choose the right network",
                "<p>Pick the same network on both sides. The picker shows it under the coin:</p>"
                        + "<p><img src=\"" + SITE + "/hc/article_attachments/9001/network-picker.png\" alt=\"Network picker\"></p>",
                "选择正确的网络",
                "<p>转出方和 Tidewell 必须选择同一个网络。网络显示在币种下方：</p>"
                        + "<p><img src=\"" + SITE + "/hc/article_attachments/9001/network-picker.png\" alt=\"网络选择\"></p>");
        add(TABLE_ARTICLE, 2004, 2, List.of("fees", "withdrawal"), false, "Withdrawal fees by network",
                "<p>The fee depends on the network, not on the amount.</p><table><thead><tr><th>Coin</th><th>Network</th>"
                        + "<th>Fee</th></tr></thead><tbody><tr><td>USDT</td><td>Tron (TRC20)</td><td>1 USDT</td></tr>"
                        + "<tr><td>USDT</td><td>Ethereum (ERC20)</td><td>4 USDT</td></tr></tbody></table>",
                "各网络的提币手续费",
                "<p>手续费取决于网络，与金额无关。</p><table><thead><tr><th>币种</th><th>网络</th><th>手续费</th></tr></thead>"
                        + "<tbody><tr><td>USDT</td><td>Tron（TRC20）</td><td>1 USDT</td></tr>"
                        + "<tr><td>USDT</td><td>Ethereum（ERC20）</td><td>4 USDT</td></tr></tbody></table>");
        add(CODE_ARTICLE, 2007, 3, List.of("api"), false, "Sign an API request",
                "<p>Sign the query string with your secret:</p><pre><code>echo -n \"symbol=BTCUSDT&amp;ts=1700000000\" | openssl dgst -sha256 -hmac \"$SECRET\"</code></pre>",
                "为 API 请求签名",
                "<p>用您的 Secret 对查询字符串签名：</p><pre><code>echo -n \"symbol=BTCUSDT&amp;ts=1700000000\" | openssl dgst -sha256 -hmac \"$SECRET\"</code></pre>");
        add(DRAFT_ARTICLE, 2006, 9, List.of("staking"), true, "Staking rewards",
                "<p>Staking opens later this year. This page is not ready.</p>",
                "质押收益", "<p>质押功能将于今年晚些时候开放。本页尚未完成。</p>");
        add(IFRAME_ARTICLE, 2006, 1, List.of("video"), false, "Video: your first trade",
                "<p>Watch a trade from deposit to fill.</p><iframe src=\"https://www.youtube.com/embed/tidewell-first-trade\" width=\"560\" height=\"315\"></iframe>",
                "视频：您的第一笔交易",
                "<p>观看从充值到成交的完整过程。</p><iframe src=\"https://www.youtube.com/embed/tidewell-first-trade\" width=\"560\" height=\"315\"></iframe>");
        add(UNTRANSLATED_ARTICLE, 2002, 5, List.of("tax"), false, "Tax reports for UK residents",
                "<p>Download a yearly report of your disposals under <strong>Profile &gt; Reports</strong>.</p>", null, null);
        add(RESET_ARTICLE, 2001, 1, List.of("password"), false, "Reset your password",
                "<p>Tap <strong>Forgot password</strong> on the sign-in page and follow the email. Then"
                        + " <a href=\"" + SITE + "/hc/en-us/articles/360000201-Turn-on-two-factor-authentication\">turn on 2FA</a>;"
                        + " if you lost your 2FA device, see <a href=\"/hc/en-us/articles/360000202\">Lost your 2FA device</a>.</p>",
                "重置密码", "<p>在登录页点击<strong>忘记密码</strong>，然后按邮件中的步骤操作。英国用户的税务报告见"
                        + "<a href=\"" + SITE + "/hc/zh-cn/articles/360000106\">这篇文章</a>。</p>");
        String[][] more = {
                {"2001", "Turn on two-factor authentication", "Use an authenticator app, not SMS, for the strongest protection.", "开启双重验证", "为获得最强的保护，请使用身份验证器 App，而不是短信。"},
                {"2001", "Lost your 2FA device", "Ask for a 2FA reset from the sign-in page; we check your identity with a selfie.", "丢失双重验证设备", "在登录页申请重置双重验证；我们会通过自拍核验您的身份。"},
                {"2001", "Recognize phishing emails", "Tidewell emails come only from tidewell.example and never ask for your password.", "识别钓鱼邮件", "Tidewell 的邮件只来自 tidewell.example，绝不会索要您的密码。"},
                {"2002", "Verify your identity", "Have your ID card or passport ready; verification takes about ten minutes.", "完成身份认证", "请准备好身份证或护照；认证约需十分钟。"},
                {"2002", "Why was my verification rejected", "Blurry photos and expired documents are the usual reasons.", "为什么身份认证未通过", "最常见的原因是照片模糊或证件过期。"},
                {"2003", "Deposit not credited", "A deposit is credited after enough network confirmations; check the TxID first.", "充值未到账", "充值需要足够的网络确认后才会到账；请先查看 TxID。"},
                {"2003", "Deposit with a memo", "Coins such as XRP need the memo as well as the address.", "带 Memo 的充值", "XRP 等币种除了地址还需要填写 Memo。"},
                {"2004", "Withdrawal pending", "Large withdrawals get a manual review that takes up to two hours.", "提币审核中", "大额提币需要人工审核，最长两小时。"},
                {"2004", "Withdrawal limits", "Your daily limit grows with your verification level.", "提币限额", "每日限额随认证等级提高。"},
                {"2005", "Tron or Ethereum", "Tron is cheaper for USDT; Ethereum is accepted by more wallets.", "Tron 还是 Ethereum", "USDT 走 Tron 更便宜；Ethereum 被更多钱包支持。"},
                {"2006", "Place a limit order", "Set the price you want; the order waits in the book until it fills.", "下限价单", "设定您想要的价格；订单会在盘口中等待成交。"},
                {"2006", "Trading fees", "Makers pay 0.08% and takers 0.10% of the traded amount.", "交易手续费", "挂单方支付成交额的 0.08%，吃单方支付 0.10%。"},
                {"2007", "Stop-limit orders", "A stop-limit order becomes a limit order when the stop price is reached.", "止盈止损限价单", "价格触及触发价时，止盈止损单会变为限价单。"},
                {"2007", "Market orders", "A market order fills at once at the best prices in the book.", "市价单", "市价单会以盘口最优价格立即成交。"},
                {"2004", "Withdrawal FAQ", "Answers to the questions we hear most about withdrawals.", "提币常见问题", "关于提币最常见问题的解答。"},
                {"2004", "Withdrawal FAQ", "More answers: cancelled withdrawals and address books.", "提币常见问题（续）", "更多解答：已取消的提币和地址簿。"},
        };
        long id = 360000201;
        int position = 1;
        for (String[] m : more) {
            add(id++, Long.parseLong(m[0]), position++, List.of(), false, m[1], "<p>" + m[2] + "</p>", m[3], "<p>" + m[4] + "</p>");
        }
    }

    private void add(long id, long section, int position, List<String> labels, boolean draft, String en, String enBody,
            String zh, String zhBody) {
        articles.add(new Article(id, section, position, labels, draft, en, enBody, zh, zhBody));
    }

    private void save() {
        put("locales.json", Map.of("locales", List.of("en-us", "zh-cn"), "default_locale", "en-us"));
        put("en-us/categories.json", Map.of("categories", List.of(
                category("en-us", 1001, 1, "Account and security", "Sign-in, two-factor authentication and verification"),
                category("en-us", 1002, 2, "Deposits and withdrawals", "Moving coins in and out of Tidewell"),
                category("en-us", 1003, 3, "Trading", "Orders, fees and the trading screen"))));
        put("zh-cn/categories.json", Map.of("categories", List.of(
                category("zh-cn", 1001, 1, "账户与安全", "登录、双重验证与身份认证"),
                category("zh-cn", 1002, 2, "充值与提币", "在 Tidewell 转入和转出币种"),
                category("zh-cn", 1003, 3, "交易", "委托、手续费与交易界面"))));
        put("en-us/sections.json", Map.of("sections", List.of(
                section("en-us", 2001, 1001, 0, 1, "Sign-in and 2FA"), section("en-us", 2002, 1001, 0, 2, "Verification"),
                section("en-us", 2003, 1002, 0, 1, "Crypto deposits"), section("en-us", 2004, 1002, 0, 2, "Withdrawals"),
                section("en-us", 2005, 1002, 2003, 1, "Networks"), section("en-us", 2006, 1003, 0, 1, "Spot trading"),
                section("en-us", 2007, 1003, 2006, 2, "Order types"))));
        put("zh-cn/sections.json", Map.of("sections", List.of(
                section("zh-cn", 2001, 1001, 0, 1, "登录与双重验证"), section("zh-cn", 2002, 1001, 0, 2, "身份认证"),
                section("zh-cn", 2003, 1002, 0, 1, "数字货币充值"), section("zh-cn", 2004, 1002, 0, 2, "提币"),
section("zh-cn", 2006, 1003, 0, 1, "现货交易"),
                section("zh-cn", 2007, 1003, 2006, 2, "委托类型"))));
        List<Object> list = new ArrayList<>();
        for (Article a : articles) {
            list.add(article(a, "en-us", a.en(), a.enBody()));
            List<Object> translations = new ArrayList<>();
            translations.add(article(a, "en-us", a.en(), a.enBody()));
            if (a.zh() != null) {
                translations.add(article(a, "zh-cn", a.zh(), a.zhBody()));
            }
            put("articles/" + a.id() + "/translations.json", Map.of("translations", translations));
            List<Object> attachments = new ArrayList<>();
            if (a.id() == IMAGE_ARTICLE) {
                Map<String, Object> att = new LinkedHashMap<>();
                att.put("id", 9001);
                att.put("file_name", "network-picker.png");
                att.put("content_url", SITE + "/hc/article_attachments/9001/network-picker.png");
                att.put("content_type", "image/png");
                att.put("inline", true);
                attachments.add(att);
                bytes("articles/" + a.id() + "/attachments/network-picker.png", PNG);
            }
            put("articles/" + a.id() + "/attachments.json", Map.of("article_attachments", attachments));
        }
        put("en-us/articles.json", Map.of("articles", list));
    }

    private static Map<String, Object> category(String locale, long id, int position, String name, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("description", description);
        out.put("position", position);
        out.put("html_url", SITE + "/hc/" + locale + "/categories/" + id + "-" + name.replaceAll("[^\\p{L}\\p{N}]+", "-"));
        return out;
    }

    private static Map<String, Object> section(String locale, long id, long category, long parent, int position, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("category_id", category);
        out.put("parent_section_id", parent == 0 ? null : parent);
        out.put("name", name);
        out.put("description", "");
        out.put("position", position);
        out.put("html_url", SITE + "/hc/" + locale + "/sections/" + id);
        return out;
    }

    private static Map<String, Object> article(Article a, String locale, String title, String body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("title", title);
        out.put("body", body);
        out.put("locale", locale);
        out.put("source_locale", "en-us");
        out.put("section_id", a.section());
        out.put("position", a.position());
        out.put("draft", a.draft());
        out.put("promoted", false);
        out.put("user_segment_id", a.id() == UNTRANSLATED_ARTICLE ? 360000999L : null);
        out.put("label_names", a.labels());
        out.put("updated_at", "2026-09-1" + (a.id() % 10) + "T08:30:00Z");
        out.put("html_url", htmlUrl(a.id(), locale, title));
        return out;
    }

    /** The address Zendesk gives an article: its id, then the title with hyphens (percent-encoded). */
    static String htmlUrl(long id, String locale, String title) {
        String slug = title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        try {
            return new URI("https", "tidewell.zendesk.com", "/hc/" + locale + "/articles/" + id + "-" + slug, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(String path, Object value) {
        try {
            bytes(path, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bytes(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
