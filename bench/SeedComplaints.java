import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes FROM..TO synthetic complaints as CSV for {@code COPY complaint (...) FROM STDIN (FORMAT csv)}, sealed
 * exactly as complaint-service seals them (AES-GCM with the complaint id as associated data, key id v1,
 * HMAC-SHA256 blind index of the mobile), so the service can search and open them. Keys come from the
 * environment (PII_KEY_V1, BLIND_INDEX_KEY, as in .suite/secrets.env). Row g has mobile 139 + (g mod
 * 400000) zero-padded to 8 digits, so each mobile has about 2.5 complaints in a million. Received times are
 * spread uniformly over the past 730 days (about 1,370 a day in a million, as Jiangxi's hotlines receive), by a
 * hash of g, so no search term is tied to particular days.
 */
public class SeedComplaints {

    static final String[] PRODUCTS = {
        "电热水器", "电饭煲", "空调", "洗衣机", "电动自行车", "儿童玩具", "婴儿奶粉", "食用油", "大米", "白酒",
        "化妆品", "手机", "笔记本电脑", "电暖器", "燃气灶", "瓷砖", "防盗门", "轮胎", "化肥", "农药"
    };
    static final String[] DEFECTS = {
        "漏电", "无法开机", "外壳开裂", "异味严重", "虚标容量", "短斤少两", "过期变质", "标签不符", "噪音过大",
        "起火冒烟", "掉漆生锈", "零件缺失", "假冒商标", "没有合格证", "电池鼓包", "漏水", "发热严重", "异物",
        "颜色不符", "性能不达标"
    };
    static final String[] DEMANDS = {
        "要求退货退款", "要求更换新品", "要求赔偿损失", "要求维修", "要求三倍赔偿", "要求商家道歉", "要求查处商家",
        "要求退还差价", "要求赔偿医药费", "要求召回产品"
    };
    static final String[] CATEGORIES = {
        "PRODUCT.HOUSEHOLD_APPLIANCE", "PRODUCT.FOOD", "PRODUCT.CHILDREN", "PRODUCT.DAILY_CONSUMER_GOODS",
        "PRODUCT.VEHICLE", "PRODUCT.COSMETICS", "PRODUCT.AGRICULTURAL_INPUT", "PRODUCT.BUILDING_MATERIAL"
    };
    static final String[] REGIONS = {"360102", "360103", "360104", "360111", "360112", "360113", "360121", "360702", "360703"};

    public static void main(String[] args) throws Exception {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        SecretKeySpec aes = new SecretKeySpec(Base64.getDecoder().decode(System.getenv("PII_KEY_V1")), "AES");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(System.getenv("BLIND_INDEX_KEY")), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder out = new StringBuilder(1 << 20);
        for (long g = from; g <= to; g++) {
            UUID id = UUID.randomUUID();
            String mobile = "139" + String.format("%08d", g % 400_000);
            String person = "{\"name\":\"基准" + (g % 1000) + "\",\"mobile\":\"" + mobile + "\"}";
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
            cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(person.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            mac.update("mobile".getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] mobileIndex = mac.doFinal(mobile.getBytes(StandardCharsets.UTF_8));
            byte[] queryHash = new byte[32];
            random.nextBytes(queryHash);
            int p = (int) (g % PRODUCTS.length);
            int d = (int) ((g / PRODUCTS.length) % DEFECTS.length);
            int m = (int) ((g / 400) % DEMANDS.length);
            String shop = "南昌市基准商行" + (g % 50_000);
            String description = "本人于" + (1 + g % 12) + "月购买的" + PRODUCTS[p] + "使用" + (1 + g % 30) + "天后" + DEFECTS[d]
                    + "，与商家协商未果，" + DEMANDS[m] + "。订单号" + (1_000_000_000L + g * 7919 % 1_000_000_000L) + "。";
            Instant at = now.minusSeconds(Math.floorMod(mix(g), 730L * 86_400));
            out.append(id).append(",BS").append(String.format("%012d", g))
                    .append(",\\x").append(hex.formatHex(queryHash))
                    .append(",COMPLAINT,WEB,").append(CATEGORIES[(int) (g % CATEGORIES.length)])
                    .append(',').append(shop).append(',').append(shop)
                    .append(',').append(REGIONS[(int) (g % REGIONS.length)])
                    .append(',').append(description)
                    .append(",false,true,false,false")
                    .append(",\\x").append(hex.formatHex(ciphertext)).append(",v1")
                    .append(",\\x").append(hex.formatHex(mobileIndex))
                    .append(",ROUTED,").append(at).append(',').append(at).append('\n');
            if (out.length() > (1 << 20) - 4096) {
                System.out.print(out);
                out.setLength(0);
            }
        }
        System.out.print(out);
        System.out.flush();
    }

    /** SplitMix64's finaliser: spreads row g's time independently of the product/defect/days cycles. */
    static long mix(long g) {
        long z = g * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
