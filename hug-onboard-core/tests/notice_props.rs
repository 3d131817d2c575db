//! Property tests for the registration notice parser.

use hug_onboard_core::notice::RegistrationNotice;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../tests/fixtures/notices/test_notice.txt");

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = RegistrationNotice::parse(&s);
        let _ = RegistrationNotice::parse_ocr(&s);
        let _ = RegistrationNotice::parse_ocr_tsv(&s);
    }

    #[test]
    fn arbitrary_tsv_rows_never_panic(rows in proptest::collection::vec(
        ("[0-9]{1,4}", "-?[0-9]{1,4}", "[0-9]{1,3}", "-?[0-9.]{1,4}", "\\PC{0,12}"), 0..20)) {
        let mut tsv = String::from("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        for (l, t, h, c, x) in &rows {
            tsv += &format!("5\t1\t1\t1\t1\t1\t{l}\t{t}\t40\t{h}\t{c}\t{x}\n");
        }
        let _ = RegistrationNotice::parse_ocr_tsv(&tsv);
    }

    #[test]
    fn labelled_noise_never_panics(lines in proptest::collection::vec(
        ("(事業所番号|住所|事業所名|テストID|ID|（仮）パスワード|証明書発行用パスワード|備考|令和|〒)", "[ 　\t:：]{0,2}", "\\PC{0,20}"), 0..15)) {
        let text: String = lines.iter().map(|(a, b, c)| format!("{a}{b}{c}\n")).collect();
        let _ = RegistrationNotice::parse(&text);
        let _ = RegistrationNotice::parse_ocr(&text);
    }

    #[test]
    fn mutated_sample_never_panics(pos in 0usize..2000, ch in any::<char>()) {
        let mut chars: Vec<char> = SAMPLE.chars().collect();
        let i = pos % chars.len();
        chars[i] = ch;
        let text: String = chars.into_iter().collect();
        if let Ok(n) = RegistrationNotice::parse(&text) {
            // Whatever parses survives a JSON round trip with its secrets.
            let back = RegistrationNotice::from_json(&n.to_json_with_secrets()).unwrap();
            prop_assert_eq!(back, n);
        }
    }
}
