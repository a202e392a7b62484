//! Persons, titles, organizations, places and credits against the sample
//! articles annotated in full (`tests/fixtures/annotated/*.json`, the texts
//! in `examples/data/`): precision, recall and F1 per kind with exact
//! spans, and the share of title–holder links found.
//!
//! The floors asserted here are a little under what the extractor scores
//! today (`cargo test --test annotated -- --nocapture` prints the scores),
//! so that a change that loses accuracy fails.

use std::collections::BTreeMap;

use serde::Deserialize;
use vitext::extract::Extractor;

#[derive(Deserialize)]
struct Annotation {
    article: String,
    entities: Vec<Gold>,
    links: Vec<GoldLink>,
}

#[derive(Deserialize)]
struct Gold {
    kind: String,
    text: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct GoldLink {
    person: usize,
    title: usize,
}

const ARTICLES: [(&str, &str, &str); 6] = [
    (
        "officials-meeting",
        include_str!("fixtures/annotated/officials-meeting.json"),
        include_str!("../examples/data/officials-meeting.txt"),
    ),
    (
        "crime-report",
        include_str!("fixtures/annotated/crime-report.json"),
        include_str!("../examples/data/crime-report.txt"),
    ),
    (
        "world-news",
        include_str!("fixtures/annotated/world-news.json"),
        include_str!("../examples/data/world-news.txt"),
    ),
    (
        "sports-news",
        include_str!("fixtures/annotated/sports-news.json"),
        include_str!("../examples/data/sports-news.txt"),
    ),
    (
        "names-in-places",
        include_str!("fixtures/annotated/names-in-places.json"),
        include_str!("../examples/data/names-in-places.txt"),
    ),
    (
        "business-news",
        include_str!("fixtures/annotated/business-news.json"),
        include_str!("../examples/data/business-news.txt"),
    ),
];

const HELD_OUT: [(&str, &str, &str); 8] = [
    (
        "bong_da_nam_dinh_hagl",
        include_str!("fixtures/heldout/bong_da_nam_dinh_hagl.json"),
        include_str!("fixtures/heldout/bong_da_nam_dinh_hagl.txt"),
    ),
    (
        "dem_ram_hoi_an",
        include_str!("fixtures/heldout/dem_ram_hoi_an.json"),
        include_str!("fixtures/heldout/dem_ram_hoi_an.txt"),
    ),
    (
        "eu_nong_dan_bieu_tinh",
        include_str!("fixtures/heldout/eu_nong_dan_bieu_tinh.json"),
        include_str!("fixtures/heldout/eu_nong_dan_bieu_tinh.txt"),
    ),
    (
        "hdnd_quang_ngai",
        include_str!("fixtures/heldout/hdnd_quang_ngai.json"),
        include_str!("fixtures/heldout/hdnd_quang_ngai.txt"),
    ),
    (
        "ngo_doc_hoc_sinh_nha_trang",
        include_str!("fixtures/heldout/ngo_doc_hoc_sinh_nha_trang.json"),
        include_str!("fixtures/heldout/ngo_doc_hoc_sinh_nha_trang.txt"),
    ),
    (
        "tai_nan_quoc_lo_nghe_an",
        include_str!("fixtures/heldout/tai_nan_quoc_lo_nghe_an.json"),
        include_str!("fixtures/heldout/tai_nan_quoc_lo_nghe_an.txt"),
    ),
    (
        "thep_nam_phat_kaneda",
        include_str!("fixtures/heldout/thep_nam_phat_kaneda.json"),
        include_str!("fixtures/heldout/thep_nam_phat_kaneda.txt"),
    ),
    (
        "toa_dat_nen_dak_lak",
        include_str!("fixtures/heldout/toa_dat_nen_dak_lak.json"),
        include_str!("fixtures/heldout/toa_dat_nen_dak_lak.txt"),
    ),
];

const HELD_OUT_2: [(&str, &str, &str); 6] = [
    (
        "dang_bo_tuy_phuoc",
        include_str!("fixtures/heldout2/dang_bo_tuy_phuoc.json"),
        include_str!("fixtures/heldout2/dang_bo_tuy_phuoc.txt"),
    ),
    (
        "lua_dao_thanh_hoa",
        include_str!("fixtures/heldout2/lua_dao_thanh_hoa.json"),
        include_str!("fixtures/heldout2/lua_dao_thanh_hoa.txt"),
    ),
    (
        "lua_phat_thai_thap",
        include_str!("fixtures/heldout2/lua_phat_thai_thap.json"),
        include_str!("fixtures/heldout2/lua_phat_thai_thap.txt"),
    ),
    (
        "sea_games_dien_kinh",
        include_str!("fixtures/heldout2/sea_games_dien_kinh.json"),
        include_str!("fixtures/heldout2/sea_games_dien_kinh.txt"),
    ),
    (
        "startup_lumira",
        include_str!("fixtures/heldout2/startup_lumira.json"),
        include_str!("fixtures/heldout2/startup_lumira.txt"),
    ),
    (
        "tham_phap",
        include_str!("fixtures/heldout2/tham_phap.json"),
        include_str!("fixtures/heldout2/tham_phap.txt"),
    ),
];

const HELD_OUT_4: [(&str, &str, &str); 6] = [
    (
        "benh_vien_truong_hoc",
        include_str!("fixtures/heldout4/benh_vien_truong_hoc.json"),
        include_str!("fixtures/heldout4/benh_vien_truong_hoc.txt"),
    ),
    (
        "bong_da_v_league",
        include_str!("fixtures/heldout4/bong_da_v_league.json"),
        include_str!("fixtures/heldout4/bong_da_v_league.txt"),
    ),
    (
        "doanh_nghiep_niem_yet",
        include_str!("fixtures/heldout4/doanh_nghiep_niem_yet.json"),
        include_str!("fixtures/heldout4/doanh_nghiep_niem_yet.txt"),
    ),
    (
        "hoi_nghi_tinh_uy",
        include_str!("fixtures/heldout4/hoi_nghi_tinh_uy.json"),
        include_str!("fixtures/heldout4/hoi_nghi_tinh_uy.txt"),
    ),
    (
        "ngoai_giao_chau_a",
        include_str!("fixtures/heldout4/ngoai_giao_chau_a.json"),
        include_str!("fixtures/heldout4/ngoai_giao_chau_a.txt"),
    ),
    (
        "xet_xu_dat_dai",
        include_str!("fixtures/heldout4/xet_xu_dat_dai.json"),
        include_str!("fixtures/heldout4/xet_xu_dat_dai.txt"),
    ),
];

const HELD_OUT_5: [(&str, &str, &str); 6] = [
    (
        "nong_nghiep_xuat_khau",
        include_str!("fixtures/heldout5/nong_nghiep_xuat_khau.json"),
        include_str!("fixtures/heldout5/nong_nghiep_xuat_khau.txt"),
    ),
    (
        "quy_hoach_do_thi",
        include_str!("fixtures/heldout5/quy_hoach_do_thi.json"),
        include_str!("fixtures/heldout5/quy_hoach_do_thi.txt"),
    ),
    (
        "tai_nan_cao_toc",
        include_str!("fixtures/heldout5/tai_nan_cao_toc.json"),
        include_str!("fixtures/heldout5/tai_nan_cao_toc.txt"),
    ),
    (
        "thi_tot_nghiep",
        include_str!("fixtures/heldout5/thi_tot_nghiep.json"),
        include_str!("fixtures/heldout5/thi_tot_nghiep.txt"),
    ),
    (
        "van_hoa_nghe_thuat",
        include_str!("fixtures/heldout5/van_hoa_nghe_thuat.json"),
        include_str!("fixtures/heldout5/van_hoa_nghe_thuat.txt"),
    ),
    (
        "xung_dot_trung_dong",
        include_str!("fixtures/heldout5/xung_dot_trung_dong.json"),
        include_str!("fixtures/heldout5/xung_dot_trung_dong.txt"),
    ),
];

const HELD_OUT_6: [(&str, &str, &str); 6] = [
    (
        "an_ninh_ma_tuy",
        include_str!("fixtures/heldout6/an_ninh_ma_tuy.json"),
        include_str!("fixtures/heldout6/an_ninh_ma_tuy.txt"),
    ),
    (
        "kinh_te_nang_luong",
        include_str!("fixtures/heldout6/kinh_te_nang_luong.json"),
        include_str!("fixtures/heldout6/kinh_te_nang_luong.txt"),
    ),
    (
        "ngoai_giao_tham_chinh_thuc",
        include_str!("fixtures/heldout6/ngoai_giao_tham_chinh_thuc.json"),
        include_str!("fixtures/heldout6/ngoai_giao_tham_chinh_thuc.txt"),
    ),
    (
        "phong_chong_thien_tai",
        include_str!("fixtures/heldout6/phong_chong_thien_tai.json"),
        include_str!("fixtures/heldout6/phong_chong_thien_tai.txt"),
    ),
    (
        "the_thao_quoc_te",
        include_str!("fixtures/heldout6/the_thao_quoc_te.json"),
        include_str!("fixtures/heldout6/the_thao_quoc_te.txt"),
    ),
    (
        "y_te_benh_vien",
        include_str!("fixtures/heldout6/y_te_benh_vien.json"),
        include_str!("fixtures/heldout6/y_te_benh_vien.txt"),
    ),
];

const HELD_OUT_8: [(&str, &str, &str); 6] = [
    (
        "chinh_quyen_dia_phuong",
        include_str!("fixtures/heldout8/chinh_quyen_dia_phuong.json"),
        include_str!("fixtures/heldout8/chinh_quyen_dia_phuong.txt"),
    ),
    (
        "giao_duc_y_te",
        include_str!("fixtures/heldout8/giao_duc_y_te.json"),
        include_str!("fixtures/heldout8/giao_duc_y_te.txt"),
    ),
    (
        "kinh_doanh_ngan_hang",
        include_str!("fixtures/heldout8/kinh_doanh_ngan_hang.json"),
        include_str!("fixtures/heldout8/kinh_doanh_ngan_hang.txt"),
    ),
    (
        "phap_luat_toa_an",
        include_str!("fixtures/heldout8/phap_luat_toa_an.json"),
        include_str!("fixtures/heldout8/phap_luat_toa_an.txt"),
    ),
    (
        "the_gioi",
        include_str!("fixtures/heldout8/the_gioi.json"),
        include_str!("fixtures/heldout8/the_gioi.txt"),
    ),
    (
        "the_thao_trong_nuoc",
        include_str!("fixtures/heldout8/the_thao_trong_nuoc.json"),
        include_str!("fixtures/heldout8/the_thao_trong_nuoc.txt"),
    ),
];

const HELD_OUT_10: [(&str, &str, &str); 6] = [
    (
        "bo_nhiem_trung_uong",
        include_str!("fixtures/heldout10/bo_nhiem_trung_uong.json"),
        include_str!("fixtures/heldout10/bo_nhiem_trung_uong.txt"),
    ),
    (
        "dien_kinh_quoc_te",
        include_str!("fixtures/heldout10/dien_kinh_quoc_te.json"),
        include_str!("fixtures/heldout10/dien_kinh_quoc_te.txt"),
    ),
    (
        "lien_hoan_phim",
        include_str!("fixtures/heldout10/lien_hoan_phim.json"),
        include_str!("fixtures/heldout10/lien_hoan_phim.txt"),
    ),
    (
        "lu_lut_mien_trung",
        include_str!("fixtures/heldout10/lu_lut_mien_trung.json"),
        include_str!("fixtures/heldout10/lu_lut_mien_trung.txt"),
    ),
    (
        "nha_may_cong_nghe",
        include_str!("fixtures/heldout10/nha_may_cong_nghe.json"),
        include_str!("fixtures/heldout10/nha_may_cong_nghe.txt"),
    ),
    (
        "triet_pha_ma_tuy",
        include_str!("fixtures/heldout10/triet_pha_ma_tuy.json"),
        include_str!("fixtures/heldout10/triet_pha_ma_tuy.txt"),
    ),
];

const HELD_OUT_13: [(&str, &str, &str); 6] = [
    (
        "bong_da_thanh_hoa",
        include_str!("fixtures/heldout13/bong_da_thanh_hoa.json"),
        include_str!("fixtures/heldout13/bong_da_thanh_hoa.txt"),
    ),
    (
        "dai_hoc_su_pham",
        include_str!("fixtures/heldout13/dai_hoc_su_pham.json"),
        include_str!("fixtures/heldout13/dai_hoc_su_pham.txt"),
    ),
    (
        "dhcd_ngan_hang",
        include_str!("fixtures/heldout13/dhcd_ngan_hang.json"),
        include_str!("fixtures/heldout13/dhcd_ngan_hang.txt"),
    ),
    (
        "hdnd_ky_hop",
        include_str!("fixtures/heldout13/hdnd_ky_hop.json"),
        include_str!("fixtures/heldout13/hdnd_ky_hop.txt"),
    ),
    (
        "thuong_dinh_khi_hau",
        include_str!("fixtures/heldout13/thuong_dinh_khi_hau.json"),
        include_str!("fixtures/heldout13/thuong_dinh_khi_hau.txt"),
    ),
    (
        "xet_xu_tin_dung_den",
        include_str!("fixtures/heldout13/xet_xu_tin_dung_den.json"),
        include_str!("fixtures/heldout13/xet_xu_tin_dung_den.txt"),
    ),
];

const HELD_OUT_14: [(&str, &str, &str); 6] = [
    (
        "benh_vien_ghep_tang",
        include_str!("fixtures/heldout14/benh_vien_ghep_tang.json"),
        include_str!("fixtures/heldout14/benh_vien_ghep_tang.txt"),
    ),
    (
        "chuyen_tham_cap_nha_nuoc",
        include_str!("fixtures/heldout14/chuyen_tham_cap_nha_nuoc.json"),
        include_str!("fixtures/heldout14/chuyen_tham_cap_nha_nuoc.txt"),
    ),
    (
        "hop_tac_xa_sau_rieng",
        include_str!("fixtures/heldout14/hop_tac_xa_sau_rieng.json"),
        include_str!("fixtures/heldout14/hop_tac_xa_sau_rieng.txt"),
    ),
    (
        "khoi_nghiep_goi_von",
        include_str!("fixtures/heldout14/khoi_nghiep_goi_von.json"),
        include_str!("fixtures/heldout14/khoi_nghiep_goi_von.txt"),
    ),
    (
        "le_trao_danh_hieu_nghe_si",
        include_str!("fixtures/heldout14/le_trao_danh_hieu_nghe_si.json"),
        include_str!("fixtures/heldout14/le_trao_danh_hieu_nghe_si.txt"),
    ),
    (
        "tai_nan_cao_toc",
        include_str!("fixtures/heldout14/tai_nan_cao_toc.json"),
        include_str!("fixtures/heldout14/tai_nan_cao_toc.txt"),
    ),
];

const HELD_OUT_16: [(&str, &str, &str); 6] = [
    (
        "bo_nhiem_can_bo",
        include_str!("fixtures/heldout16/bo_nhiem_can_bo.json"),
        include_str!("fixtures/heldout16/bo_nhiem_can_bo.txt"),
    ),
    (
        "dai_le_phat_dan",
        include_str!("fixtures/heldout16/dai_le_phat_dan.json"),
        include_str!("fixtures/heldout16/dai_le_phat_dan.txt"),
    ),
    (
        "du_an_bat_dong_san",
        include_str!("fixtures/heldout16/du_an_bat_dong_san.json"),
        include_str!("fixtures/heldout16/du_an_bat_dong_san.txt"),
    ),
    (
        "giai_chay_marathon",
        include_str!("fixtures/heldout16/giai_chay_marathon.json"),
        include_str!("fixtures/heldout16/giai_chay_marathon.txt"),
    ),
    (
        "sat_lo_cuu_ho",
        include_str!("fixtures/heldout16/sat_lo_cuu_ho.json"),
        include_str!("fixtures/heldout16/sat_lo_cuu_ho.txt"),
    ),
    (
        "tuyen_sinh_dai_hoc",
        include_str!("fixtures/heldout16/tuyen_sinh_dai_hoc.json"),
        include_str!("fixtures/heldout16/tuyen_sinh_dai_hoc.txt"),
    ),
];

const HELD_OUT_17: [(&str, &str, &str); 6] = [
    (
        "dich_sot_xuat_huyet",
        include_str!("fixtures/heldout17/dich_sot_xuat_huyet.json"),
        include_str!("fixtures/heldout17/dich_sot_xuat_huyet.txt"),
    ),
    (
        "lien_hoan_phim",
        include_str!("fixtures/heldout17/lien_hoan_phim.json"),
        include_str!("fixtures/heldout17/lien_hoan_phim.txt"),
    ),
    (
        "lu_dong_bang",
        include_str!("fixtures/heldout17/lu_dong_bang.json"),
        include_str!("fixtures/heldout17/lu_dong_bang.txt"),
    ),
    (
        "niem_yet_co_phieu",
        include_str!("fixtures/heldout17/niem_yet_co_phieu.json"),
        include_str!("fixtures/heldout17/niem_yet_co_phieu.txt"),
    ),
    (
        "triet_pha_duong_day",
        include_str!("fixtures/heldout17/triet_pha_duong_day.json"),
        include_str!("fixtures/heldout17/triet_pha_duong_day.txt"),
    ),
    (
        "xung_dot_trung_dong",
        include_str!("fixtures/heldout17/xung_dot_trung_dong.json"),
        include_str!("fixtures/heldout17/xung_dot_trung_dong.txt"),
    ),
];

const HELD_OUT_19: [(&str, &str, &str); 6] = [
    (
        "chay_nha_tro",
        include_str!("fixtures/heldout19/chay_nha_tro.json"),
        include_str!("fixtures/heldout19/chay_nha_tro.txt"),
    ),
    (
        "cuu_nan_ngu_dan",
        include_str!("fixtures/heldout19/cuu_nan_ngu_dan.json"),
        include_str!("fixtures/heldout19/cuu_nan_ngu_dan.txt"),
    ),
    (
        "giai_thuong_khoa_hoc",
        include_str!("fixtures/heldout19/giai_thuong_khoa_hoc.json"),
        include_str!("fixtures/heldout19/giai_thuong_khoa_hoc.txt"),
    ),
    (
        "ngung_viec_cong_nhan",
        include_str!("fixtures/heldout19/ngung_viec_cong_nhan.json"),
        include_str!("fixtures/heldout19/ngung_viec_cong_nhan.txt"),
    ),
    (
        "thu_giu_vay_te_te",
        include_str!("fixtures/heldout19/thu_giu_vay_te_te.json"),
        include_str!("fixtures/heldout19/thu_giu_vay_te_te.txt"),
    ),
    (
        "thu_tuong_nhat_ban",
        include_str!("fixtures/heldout19/thu_tuong_nhat_ban.json"),
        include_str!("fixtures/heldout19/thu_tuong_nhat_ban.txt"),
    ),
];

const HELD_OUT_21: [(&str, &str, &str); 6] = [
    (
        "cau_duong_sat",
        include_str!("fixtures/heldout21/cau_duong_sat.json"),
        include_str!("fixtures/heldout21/cau_duong_sat.txt"),
    ),
    (
        "le_hoi_den_long",
        include_str!("fixtures/heldout21/le_hoi_den_long.json"),
        include_str!("fixtures/heldout21/le_hoi_den_long.txt"),
    ),
    (
        "tap_doan_han_quoc",
        include_str!("fixtures/heldout21/tap_doan_han_quoc.json"),
        include_str!("fixtures/heldout21/tap_doan_han_quoc.txt"),
    ),
    (
        "tau_hai_quan",
        include_str!("fixtures/heldout21/tau_hai_quan.json"),
        include_str!("fixtures/heldout21/tau_hai_quan.txt"),
    ),
    (
        "thuong_vien_my",
        include_str!("fixtures/heldout21/thuong_vien_my.json"),
        include_str!("fixtures/heldout21/thuong_vien_my.txt"),
    ),
    (
        "xu_an_hoa_don",
        include_str!("fixtures/heldout21/xu_an_hoa_don.json"),
        include_str!("fixtures/heldout21/xu_an_hoa_don.txt"),
    ),
];

const HELD_OUT_23: [(&str, &str, &str); 6] = [
    (
        "chay_rung_cuu_tro",
        include_str!("fixtures/heldout23/chay_rung_cuu_tro.json"),
        include_str!("fixtures/heldout23/chay_rung_cuu_tro.txt"),
    ),
    (
        "chuyen_nhuong_cau_thu",
        include_str!("fixtures/heldout23/chuyen_nhuong_cau_thu.json"),
        include_str!("fixtures/heldout23/chuyen_nhuong_cau_thu.txt"),
    ),
    (
        "dieu_tra_tham_nhung",
        include_str!("fixtures/heldout23/dieu_tra_tham_nhung.json"),
        include_str!("fixtures/heldout23/dieu_tra_tham_nhung.txt"),
    ),
    (
        "hop_bao_giao_duc",
        include_str!("fixtures/heldout23/hop_bao_giao_duc.json"),
        include_str!("fixtures/heldout23/hop_bao_giao_duc.txt"),
    ),
    (
        "khai_thac_san_bay",
        include_str!("fixtures/heldout23/khai_thac_san_bay.json"),
        include_str!("fixtures/heldout23/khai_thac_san_bay.txt"),
    ),
    (
        "thuong_dinh_apec",
        include_str!("fixtures/heldout23/thuong_dinh_apec.json"),
        include_str!("fixtures/heldout23/thuong_dinh_apec.txt"),
    ),
];

const HELD_OUT_25: [(&str, &str, &str); 6] = [
    (
        "dai_hoi_dang_bo",
        include_str!("fixtures/heldout25/dai_hoi_dang_bo.json"),
        include_str!("fixtures/heldout25/dai_hoi_dang_bo.txt"),
    ),
    (
        "giai_quan_vot",
        include_str!("fixtures/heldout25/giai_quan_vot.json"),
        include_str!("fixtures/heldout25/giai_quan_vot.txt"),
    ),
    (
        "ket_qua_ngan_hang",
        include_str!("fixtures/heldout25/ket_qua_ngan_hang.json"),
        include_str!("fixtures/heldout25/ket_qua_ngan_hang.txt"),
    ),
    (
        "lua_dao_xuyen_bien_gioi",
        include_str!("fixtures/heldout25/lua_dao_xuyen_bien_gioi.json"),
        include_str!("fixtures/heldout25/lua_dao_xuyen_bien_gioi.txt"),
    ),
    (
        "ra_mat_tri_tue_nhan_tao",
        include_str!("fixtures/heldout25/ra_mat_tri_tue_nhan_tao.json"),
        include_str!("fixtures/heldout25/ra_mat_tri_tue_nhan_tao.txt"),
    ),
    (
        "tan_phong_giam_muc",
        include_str!("fixtures/heldout25/tan_phong_giam_muc.json"),
        include_str!("fixtures/heldout25/tan_phong_giam_muc.txt"),
    ),
];

const HELD_OUT_26: [(&str, &str, &str); 6] = [
    (
        "doi_thoai_giai_phong_mat_bang",
        include_str!("fixtures/heldout26/doi_thoai_giai_phong_mat_bang.json"),
        include_str!("fixtures/heldout26/doi_thoai_giai_phong_mat_bang.txt"),
    ),
    (
        "khai_quat_khao_co",
        include_str!("fixtures/heldout26/khai_quat_khao_co.json"),
        include_str!("fixtures/heldout26/khai_quat_khao_co.txt"),
    ),
    (
        "sap_lo_than",
        include_str!("fixtures/heldout26/sap_lo_than.json"),
        include_str!("fixtures/heldout26/sap_lo_than.txt"),
    ),
    (
        "tau_ca_bi_bat_giu",
        include_str!("fixtures/heldout26/tau_ca_bi_bat_giu.json"),
        include_str!("fixtures/heldout26/tau_ca_bi_bat_giu.txt"),
    ),
    (
        "tuyen_futsal_tap_huan",
        include_str!("fixtures/heldout26/tuyen_futsal_tap_huan.json"),
        include_str!("fixtures/heldout26/tuyen_futsal_tap_huan.txt"),
    ),
    (
        "xuc_tien_thuong_mai_chau_au",
        include_str!("fixtures/heldout26/xuc_tien_thuong_mai_chau_au.json"),
        include_str!("fixtures/heldout26/xuc_tien_thuong_mai_chau_au.txt"),
    ),
];

const HELD_OUT_28: [(&str, &str, &str); 6] = [
    (
        "hoi_dam_bien_gioi_viet_lao",
        include_str!("fixtures/heldout28/hoi_dam_bien_gioi_viet_lao.json"),
        include_str!("fixtures/heldout28/hoi_dam_bien_gioi_viet_lao.txt"),
    ),
    (
        "ho_so_unesco_roi_nuoc",
        include_str!("fixtures/heldout28/ho_so_unesco_roi_nuoc.json"),
        include_str!("fixtures/heldout28/ho_so_unesco_roi_nuoc.txt"),
    ),
    (
        "kiem_toan_bo_nong_nghiep",
        include_str!("fixtures/heldout28/kiem_toan_bo_nong_nghiep.json"),
        include_str!("fixtures/heldout28/kiem_toan_bo_nong_nghiep.txt"),
    ),
    (
        "thuoc_dong_y_gia",
        include_str!("fixtures/heldout28/thuoc_dong_y_gia.json"),
        include_str!("fixtures/heldout28/thuoc_dong_y_gia.txt"),
    ),
    (
        "truong_hoc_khong_ma_tuy",
        include_str!("fixtures/heldout28/truong_hoc_khong_ma_tuy.json"),
        include_str!("fixtures/heldout28/truong_hoc_khong_ma_tuy.txt"),
    ),
    (
        "tuyen_container_an_do",
        include_str!("fixtures/heldout28/tuyen_container_an_do.json"),
        include_str!("fixtures/heldout28/tuyen_container_an_do.txt"),
    ),
];

const HELD_OUT_30: [(&str, &str, &str); 6] = [
    (
        "co_vua_quoc_te",
        include_str!("fixtures/heldout30/co_vua_quoc_te.json"),
        include_str!("fixtures/heldout30/co_vua_quoc_te.txt"),
    ),
    (
        "dien_tap_an_ninh_mang",
        include_str!("fixtures/heldout30/dien_tap_an_ninh_mang.json"),
        include_str!("fixtures/heldout30/dien_tap_an_ninh_mang.txt"),
    ),
    (
        "lao_dong_thoi_vu_han_quoc",
        include_str!("fixtures/heldout30/lao_dong_thoi_vu_han_quoc.json"),
        include_str!("fixtures/heldout30/lao_dong_thoi_vu_han_quoc.txt"),
    ),
    (
        "phong_ve_tinh",
        include_str!("fixtures/heldout30/phong_ve_tinh.json"),
        include_str!("fixtures/heldout30/phong_ve_tinh.txt"),
    ),
    (
        "xa_thai_song_cong",
        include_str!("fixtures/heldout30/xa_thai_song_cong.json"),
        include_str!("fixtures/heldout30/xa_thai_song_cong.txt"),
    ),
    (
        "xuat_quan_gin_giu_hoa_binh",
        include_str!("fixtures/heldout30/xuat_quan_gin_giu_hoa_binh.json"),
        include_str!("fixtures/heldout30/xuat_quan_gin_giu_hoa_binh.txt"),
    ),
];

const HELD_OUT_32: [(&str, &str, &str); 6] = [
    (
        "bong_da_clb_dong_nam_a",
        include_str!("fixtures/heldout32/bong_da_clb_dong_nam_a.json"),
        include_str!("fixtures/heldout32/bong_da_clb_dong_nam_a.txt"),
    ),
    (
        "buon_lau_cua_khau_lao_bao",
        include_str!("fixtures/heldout32/buon_lau_cua_khau_lao_bao.json"),
        include_str!("fixtures/heldout32/buon_lau_cua_khau_lao_bao.txt"),
    ),
    (
        "hdnd_vinh_long_kien_toan",
        include_str!("fixtures/heldout32/hdnd_vinh_long_kien_toan.json"),
        include_str!("fixtures/heldout32/hdnd_vinh_long_kien_toan.txt"),
    ),
    (
        "hoc_bong_hai_phong",
        include_str!("fixtures/heldout32/hoc_bong_hai_phong.json"),
        include_str!("fixtures/heldout32/hoc_bong_hai_phong.txt"),
    ),
    (
        "ngoai_truong_ba_nuoc",
        include_str!("fixtures/heldout32/ngoai_truong_ba_nuoc.json"),
        include_str!("fixtures/heldout32/ngoai_truong_ba_nuoc.txt"),
    ),
    (
        "nha_may_duoc_can_tho",
        include_str!("fixtures/heldout32/nha_may_duoc_can_tho.json"),
        include_str!("fixtures/heldout32/nha_may_duoc_can_tho.txt"),
    ),
];

const HELD_OUT_34: [(&str, &str, &str); 6] = [
    (
        "ca_do_qua_mang_an_giang",
        include_str!("fixtures/heldout34/ca_do_qua_mang_an_giang.json"),
        include_str!("fixtures/heldout34/ca_do_qua_mang_an_giang.txt"),
    ),
    (
        "dhcd_hang_hang_khong",
        include_str!("fixtures/heldout34/dhcd_hang_hang_khong.json"),
        include_str!("fixtures/heldout34/dhcd_hang_hang_khong.txt"),
    ),
    (
        "ket_luan_kiem_tra_yen_bai",
        include_str!("fixtures/heldout34/ket_luan_kiem_tra_yen_bai.json"),
        include_str!("fixtures/heldout34/ket_luan_kiem_tra_yen_bai.txt"),
    ),
    (
        "quyen_anh_dong_nam_a",
        include_str!("fixtures/heldout34/quyen_anh_dong_nam_a.json"),
        include_str!("fixtures/heldout34/quyen_anh_dong_nam_a.txt"),
    ),
    (
        "sieu_bao_philippines",
        include_str!("fixtures/heldout34/sieu_bao_philippines.json"),
        include_str!("fixtures/heldout34/sieu_bao_philippines.txt"),
    ),
    (
        "tri_an_nha_giao_thai_nguyen",
        include_str!("fixtures/heldout34/tri_an_nha_giao_thai_nguyen.json"),
        include_str!("fixtures/heldout34/tri_an_nha_giao_thai_nguyen.txt"),
    ),
];

const HELD_OUT_36: [(&str, &str, &str); 6] = [
    (
        "bong_chuyen_nu_vo_dich",
        include_str!("fixtures/heldout36/bong_chuyen_nu_vo_dich.json"),
        include_str!("fixtures/heldout36/bong_chuyen_nu_vo_dich.txt"),
    ),
    (
        "ngay_hoi_sach_cao_bang",
        include_str!("fixtures/heldout36/ngay_hoi_sach_cao_bang.json"),
        include_str!("fixtures/heldout36/ngay_hoi_sach_cao_bang.txt"),
    ),
    (
        "tham_cap_nha_nuoc_phan_lan",
        include_str!("fixtures/heldout36/tham_cap_nha_nuoc_phan_lan.json"),
        include_str!("fixtures/heldout36/tham_cap_nha_nuoc_phan_lan.txt"),
    ),
    (
        "xe_bon_chay_quoc_lo_6",
        include_str!("fixtures/heldout36/xe_bon_chay_quoc_lo_6.json"),
        include_str!("fixtures/heldout36/xe_bon_chay_quoc_lo_6.txt"),
    ),
    (
        "xet_nghiem_gen_thalassemia",
        include_str!("fixtures/heldout36/xet_nghiem_gen_thalassemia.json"),
        include_str!("fixtures/heldout36/xet_nghiem_gen_thalassemia.txt"),
    ),
    (
        "xuc_tien_dau_tu_thanh_hoa",
        include_str!("fixtures/heldout36/xuc_tien_dau_tu_thanh_hoa.json"),
        include_str!("fixtures/heldout36/xuc_tien_dau_tu_thanh_hoa.txt"),
    ),
];

const HELD_OUT_38: [(&str, &str, &str); 6] = [
    (
        "01_sap_nhap_co_dien_lanh",
        include_str!("fixtures/heldout38/01_sap_nhap_co_dien_lanh.json"),
        include_str!("fixtures/heldout38/01_sap_nhap_co_dien_lanh.txt"),
    ),
    (
        "02_lua_dao_xuat_khau_lao_dong",
        include_str!("fixtures/heldout38/02_lua_dao_xuat_khau_lao_dong.json"),
        include_str!("fixtures/heldout38/02_lua_dao_xuat_khau_lao_dong.txt"),
    ),
    (
        "03_khung_hoang_luong_thuc_chau_phi",
        include_str!("fixtures/heldout38/03_khung_hoang_luong_thuc_chau_phi.json"),
        include_str!("fixtures/heldout38/03_khung_hoang_luong_thuc_chau_phi.txt"),
    ),
    (
        "04_v_league_nam_dinh_hagl",
        include_str!("fixtures/heldout38/04_v_league_nam_dinh_hagl.json"),
        include_str!("fixtures/heldout38/04_v_league_nam_dinh_hagl.txt"),
    ),
    (
        "05_hdnd_hung_yen_kien_toan",
        include_str!("fixtures/heldout38/05_hdnd_hung_yen_kien_toan.json"),
        include_str!("fixtures/heldout38/05_hdnd_hung_yen_kien_toan.txt"),
    ),
    (
        "06_kit_xet_nghiem_sot_xuat_huyet",
        include_str!("fixtures/heldout38/06_kit_xet_nghiem_sot_xuat_huyet.json"),
        include_str!("fixtures/heldout38/06_kit_xet_nghiem_sot_xuat_huyet.txt"),
    ),
];

const HELD_OUT_49: [(&str, &str, &str); 6] = [
    (
        "01_thanh_hoa_bau_chu_tich_ubnd",
        include_str!("fixtures/heldout49/01_thanh_hoa_bau_chu_tich_ubnd.json"),
        include_str!("fixtures/heldout49/01_thanh_hoa_bau_chu_tich_ubnd.txt"),
    ),
    (
        "02_ngoai_truong_chile_tham_viet_nam",
        include_str!("fixtures/heldout49/02_ngoai_truong_chile_tham_viet_nam.json"),
        include_str!("fixtures/heldout49/02_ngoai_truong_chile_tham_viet_nam.txt"),
    ),
    (
        "03_hanbank_sap_nhap_cong_ty_tai_chinh",
        include_str!("fixtures/heldout49/03_hanbank_sap_nhap_cong_ty_tai_chinh.json"),
        include_str!("fixtures/heldout49/03_hanbank_sap_nhap_cong_ty_tai_chinh.txt"),
    ),
    (
        "04_truy_to_dat_cong_nghiep_binh_phuoc",
        include_str!("fixtures/heldout49/04_truy_to_dat_cong_nghiep_binh_phuoc.json"),
        include_str!("fixtures/heldout49/04_truy_to_dat_cong_nghiep_binh_phuoc.txt"),
    ),
    (
        "05_vff_hlv_nhat_ban_doi_tuyen_nu",
        include_str!("fixtures/heldout49/05_vff_hlv_nhat_ban_doi_tuyen_nu.json"),
        include_str!("fixtures/heldout49/05_vff_hlv_nhat_ban_doi_tuyen_nu.txt"),
    ),
    (
        "06_khtn_70_nam_giai_thuong_tre",
        include_str!("fixtures/heldout49/06_khtn_70_nam_giai_thuong_tre.json"),
        include_str!("fixtures/heldout49/06_khtn_70_nam_giai_thuong_tre.txt"),
    ),
];

const HELD_OUT_47: [(&str, &str, &str); 6] = [
    (
        "01_dien_khi_lng_hai_lang",
        include_str!("fixtures/heldout47/01_dien_khi_lng_hai_lang.json"),
        include_str!("fixtures/heldout47/01_dien_khi_lng_hai_lang.txt"),
    ),
    (
        "02_container_tong_lien_hoan_hai_phong",
        include_str!("fixtures/heldout47/02_container_tong_lien_hoan_hai_phong.json"),
        include_str!("fixtures/heldout47/02_container_tong_lien_hoan_hai_phong.txt"),
    ),
    (
        "03_ngung_ban_nam_kordofan_sudan",
        include_str!("fixtures/heldout47/03_ngung_ban_nam_kordofan_sudan.json"),
        include_str!("fixtures/heldout47/03_ngung_ban_nam_kordofan_sudan.txt"),
    ),
    (
        "04_cau_long_thai_lan_masters",
        include_str!("fixtures/heldout47/04_cau_long_thai_lan_masters.json"),
        include_str!("fixtures/heldout47/04_cau_long_thai_lan_masters.txt"),
    ),
    (
        "05_chat_van_bo_truong_xay_dung",
        include_str!("fixtures/heldout47/05_chat_van_bo_truong_xay_dung.json"),
        include_str!("fixtures/heldout47/05_chat_van_bo_truong_xay_dung.txt"),
    ),
    (
        "06_cai_luong_tran_huu_trang_dao_dien_phap",
        include_str!("fixtures/heldout47/06_cai_luong_tran_huu_trang_dao_dien_phap.json"),
        include_str!("fixtures/heldout47/06_cai_luong_tran_huu_trang_dao_dien_phap.txt"),
    ),
];

const HELD_OUT_45: [(&str, &str, &str); 6] = [
    (
        "01_dich_tay_chan_mieng_dak_lak",
        include_str!("fixtures/heldout45/01_dich_tay_chan_mieng_dak_lak.json"),
        include_str!("fixtures/heldout45/01_dich_tay_chan_mieng_dak_lak.txt"),
    ),
    (
        "02_xu_an_dat_rung_cam_ranh",
        include_str!("fixtures/heldout45/02_xu_an_dat_rung_cam_ranh.json"),
        include_str!("fixtures/heldout45/02_xu_an_dat_rung_cam_ranh.txt"),
    ),
    (
        "03_tham_cap_nha_nuoc_han_quoc",
        include_str!("fixtures/heldout45/03_tham_cap_nha_nuoc_han_quoc.json"),
        include_str!("fixtures/heldout45/03_tham_cap_nha_nuoc_han_quoc.txt"),
    ),
    (
        "04_v_league_nam_dinh_thanh_hoa",
        include_str!("fixtures/heldout45/04_v_league_nam_dinh_thanh_hoa.json"),
        include_str!("fixtures/heldout45/04_v_league_nam_dinh_thanh_hoa.txt"),
    ),
    (
        "05_thi_vao_lop_10_nghe_an",
        include_str!("fixtures/heldout45/05_thi_vao_lop_10_nghe_an.json"),
        include_str!("fixtures/heldout45/05_thi_vao_lop_10_nghe_an.txt"),
    ),
    (
        "06_bao_so_6_ha_tinh",
        include_str!("fixtures/heldout45/06_bao_so_6_ha_tinh.json"),
        include_str!("fixtures/heldout45/06_bao_so_6_ha_tinh.txt"),
    ),
];

const HELD_OUT_43: [(&str, &str, &str); 6] = [
    (
        "01_cao_toc_cao_lanh_an_huu",
        include_str!("fixtures/heldout43/01_cao_toc_cao_lanh_an_huu.json"),
        include_str!("fixtures/heldout43/01_cao_toc_cao_lanh_an_huu.txt"),
    ),
    (
        "02_ma_tuy_qua_cua_khau_lao_bao",
        include_str!("fixtures/heldout43/02_ma_tuy_qua_cua_khau_lao_bao.json"),
        include_str!("fixtures/heldout43/02_ma_tuy_qua_cua_khau_lao_bao.txt"),
    ),
    (
        "03_khung_hoang_chinh_phu_romania",
        include_str!("fixtures/heldout43/03_khung_hoang_chinh_phu_romania.json"),
        include_str!("fixtures/heldout43/03_khung_hoang_chinh_phu_romania.txt"),
    ),
    (
        "04_dua_xe_dap_hai_duong_ao_vang",
        include_str!("fixtures/heldout43/04_dua_xe_dap_hai_duong_ao_vang.json"),
        include_str!("fixtures/heldout43/04_dua_xe_dap_hai_duong_ao_vang.txt"),
    ),
    (
        "05_gia_lai_dieu_dong_can_bo",
        include_str!("fixtures/heldout43/05_gia_lai_dieu_dong_can_bo.json"),
        include_str!("fixtures/heldout43/05_gia_lai_dieu_dong_can_bo.txt"),
    ),
    (
        "06_startup_ai_may_xanh_goi_von",
        include_str!("fixtures/heldout43/06_startup_ai_may_xanh_goi_von.json"),
        include_str!("fixtures/heldout43/06_startup_ai_may_xanh_goi_von.txt"),
    ),
];

const HELD_OUT_41: [(&str, &str, &str); 6] = [
    (
        "01_han_man_cong_ngan_man_vinh_long",
        include_str!("fixtures/heldout41/01_han_man_cong_ngan_man_vinh_long.json"),
        include_str!("fixtures/heldout41/01_han_man_cong_ngan_man_vinh_long.txt"),
    ),
    (
        "02_xu_vu_an_vay_von_agribank_hai_duong",
        include_str!("fixtures/heldout41/02_xu_vu_an_vay_von_agribank_hai_duong.json"),
        include_str!("fixtures/heldout41/02_xu_vu_an_vay_von_agribank_hai_duong.txt"),
    ),
    (
        "03_cap_cao_asean_manila",
        include_str!("fixtures/heldout41/03_cap_cao_asean_manila.json"),
        include_str!("fixtures/heldout41/03_cap_cao_asean_manila.txt"),
    ),
    (
        "04_bong_chuyen_nu_ninh_binh_long_an",
        include_str!("fixtures/heldout41/04_bong_chuyen_nu_ninh_binh_long_an.json"),
        include_str!("fixtures/heldout41/04_bong_chuyen_nu_ninh_binh_long_an.txt"),
    ),
    (
        "05_quoc_hoi_thao_luan_luat_no_cong",
        include_str!("fixtures/heldout41/05_quoc_hoi_thao_luan_luat_no_cong.json"),
        include_str!("fixtures/heldout41/05_quoc_hoi_thao_luan_luat_no_cong.txt"),
    ),
    (
        "06_kich_thich_nao_sau_benh_vien_hue",
        include_str!("fixtures/heldout41/06_kich_thich_nao_sau_benh_vien_hue.json"),
        include_str!("fixtures/heldout41/06_kich_thich_nao_sau_benh_vien_hue.txt"),
    ),
];

const HELD_OUT_40: [(&str, &str, &str); 6] = [
    (
        "01_khanh_thanh_thuy_dien_tich_nang",
        include_str!("fixtures/heldout40/01_khanh_thanh_thuy_dien_tich_nang.json"),
        include_str!("fixtures/heldout40/01_khanh_thanh_thuy_dien_tich_nang.txt"),
    ),
    (
        "02_dua_xe_tong_chet_nguoi_nghe_an",
        include_str!("fixtures/heldout40/02_dua_xe_tong_chet_nguoi_nghe_an.json"),
        include_str!("fixtures/heldout40/02_dua_xe_tong_chet_nguoi_nghe_an.txt"),
    ),
    (
        "03_ngoai_truong_bo_dao_nha",
        include_str!("fixtures/heldout40/03_ngoai_truong_bo_dao_nha.json"),
        include_str!("fixtures/heldout40/03_ngoai_truong_bo_dao_nha.txt"),
    ),
    (
        "04_bong_da_nu_tphcm_melbourne",
        include_str!("fixtures/heldout40/04_bong_da_nu_tphcm_melbourne.json"),
        include_str!("fixtures/heldout40/04_bong_da_nu_tphcm_melbourne.txt"),
    ),
    (
        "05_tay_ninh_kien_toan_ubkt",
        include_str!("fixtures/heldout40/05_tay_ninh_kien_toan_ubkt.json"),
        include_str!("fixtures/heldout40/05_tay_ninh_kien_toan_ubkt.txt"),
    ),
    (
        "06_trien_lam_tranh_lua_viet_phap",
        include_str!("fixtures/heldout40/06_trien_lam_tranh_lua_viet_phap.json"),
        include_str!("fixtures/heldout40/06_trien_lam_tranh_lua_viet_phap.txt"),
    ),
];

const KINDS: [&str; 5] = ["person", "title", "organization", "place", "credit"];

#[derive(Default, Clone, Copy)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn precision(self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores every article; returns the counts per kind, the link counts
/// (found, gold) and the differences, one line each.
type Scores = (BTreeMap<&'static str, Count>, (usize, usize), Vec<String>);

fn score(articles: &[(&str, &str, &str)]) -> Scores {
    let extractor = Extractor::default();
    let mut counts: BTreeMap<&str, Count> = KINDS.iter().map(|k| (*k, Count::default())).collect();
    let mut links = (0, 0);
    let mut diffs = Vec::new();
    for &(name, json, text) in articles {
        let gold: Annotation = serde_json::from_str(json).expect("annotation is valid JSON");
        assert!(gold.article.ends_with(&format!("{name}.txt")), "{name}");
        let found = extractor.extract(text);
        let got: Vec<(&str, usize, usize)> = found
            .iter()
            .filter(|e| KINDS.contains(&e.kind.name()))
            .map(|e| (e.kind.name(), e.span.start, e.span.end))
            .collect();
        for g in &gold.entities {
            assert_eq!(&text[g.start..g.end], g.text, "{name}: gold offsets");
            let c = counts.get_mut(g.kind.as_str()).expect("known kind");
            if got.contains(&(g.kind.as_str(), g.start, g.end)) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                diffs.push(format!(
                    "{name}: missed {} {:?} @{}",
                    g.kind, g.text, g.start
                ));
            }
        }
        for &(kind, start, end) in &got {
            if !gold
                .entities
                .iter()
                .any(|g| g.kind == kind && g.start == start && g.end == end)
            {
                if let Some(c) = counts.get_mut(kind) {
                    c.fp += 1;
                }
                diffs.push(format!(
                    "{name}: extra  {kind} {:?} @{start}",
                    &text[start..end]
                ));
            }
        }
        // A gold link is found when the title at its start is held by the
        // person at its start, directly or through the same person.
        for l in &gold.links {
            links.1 += 1;
            let person = found
                .iter()
                .position(|e| e.kind.name() == "person" && e.span.start == l.person);
            let title = found
                .iter()
                .position(|e| e.kind.name() == "title" && e.span.start == l.title);
            let ok = match (person, title) {
                (Some(p), Some(t)) => found.titles_of(p).any(|x| x == t),
                _ => false,
            };
            if ok {
                links.0 += 1;
            } else {
                diffs.push(format!(
                    "{name}: link missed {:?} holds {:?}",
                    text.get(l.person..)
                        .and_then(|s| s.split([',', ' ']).take(3).reduce(|a, _| a))
                        .unwrap_or(""),
                    found
                        .iter()
                        .find(|e| e.span.start == l.title)
                        .map_or("?", |e| e.text)
                ));
            }
        }
        // A title the extractor gives a holder the annotation does not: a
        // wrong link (counted, shown, not asserted).
        for (t, e) in found.iter().enumerate() {
            if e.kind.name() != "title" {
                continue;
            }
            let Some(holder) = found.holder_of(t) else {
                continue;
            };
            let gold_holder = gold
                .links
                .iter()
                .find(|l| l.title == e.span.start)
                .and_then(|l| found.iter().position(|p| p.span.start == l.person));
            let right = gold_holder.is_some_and(|g| found.referent(g) == found.referent(holder));
            if !right {
                diffs.push(format!(
                    "{name}: wrong link {:?} holds {:?}",
                    found[holder].text, e.text
                ));
            }
        }
    }
    (counts, links, diffs)
}

fn report(title: &str, (counts, links, diffs): &Scores) {
    println!("== {title}");
    for d in diffs {
        println!("{d}");
    }
    for (kind, c) in counts {
        println!(
            "{kind:<13} precision {:.3} recall {:.3} F1 {:.3}  (tp {}, fp {}, fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    let wrong = diffs.iter().filter(|d| d.contains(": wrong link ")).count();
    println!(
        "links         {}/{} title–holder links found, {wrong} titles given a wrong holder",
        links.0, links.1
    );
}

fn assert_floors(title: &str, scores: &Scores, floors: [(&str, f64); 5], link_floor: f64) {
    let (counts, links, _) = scores;
    for (kind, f1) in floors {
        let got = counts[kind].f1();
        assert!(got >= f1, "{title}: {kind} F1 {got:.3} fell under {f1}");
    }
    let share = links.0 as f64 / links.1.max(1) as f64;
    assert!(
        share >= link_floor,
        "{title}: title–holder links {}/{}",
        links.0,
        links.1
    );
}

/// The six articles written while the recognizer was developed.
#[test]
fn annotated_articles() {
    let scores = score(&ARTICLES);
    report("development articles", &scores);
    assert_floors(
        "development articles",
        &scores,
        [
            ("person", 0.95),
            ("title", 0.95),
            ("organization", 0.93),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.95,
    );
}

/// Eight articles written apart from the recognizer, by a writer who did
/// not see its code or output, and scored after it was built (the floors
/// are a little under today's scores, after its failures were read).
#[test]
fn held_out_articles() {
    let scores = score(&HELD_OUT);
    report("held-out articles", &scores);
    assert_floors(
        "held-out articles",
        &scores,
        [
            ("person", 0.98),
            ("title", 0.94),
            ("organization", 0.96),
            ("place", 0.96),
            ("credit", 0.95),
        ],
        0.93,
    );
}

/// Six more articles written apart from the recognizer by a third writer,
/// scored once before any of their failures were read (the floors are a
/// little under that first look).
#[test]
fn second_held_out_articles() {
    let scores = score(&HELD_OUT_2);
    report("second held-out articles", &scores);
    assert_floors(
        "second held-out articles",
        &scores,
        [
            ("person", 0.90),
            ("title", 0.86),
            ("organization", 0.79),
            ("place", 0.94),
            ("credit", 0.95),
        ],
        0.75,
    );
}

/// Six articles of every section written apart from the recognizer by a
/// fifth writer, scored once before any of their failures were read (the
/// floors are a little under that first look: person F1 0.928, title
/// 0.832, organization 0.830, place 0.978, credit 1.0, links 47 of 57).
#[test]
fn fourth_held_out_articles() {
    let scores = score(&HELD_OUT_4);
    report("fourth held-out articles", &scores);
    assert_floors(
        "fourth held-out articles",
        &scores,
        [
            ("person", 0.92),
            ("title", 0.82),
            ("organization", 0.82),
            ("place", 0.97),
            ("credit", 0.95),
        ],
        0.8,
    );
}

/// Six more articles written apart from the recognizer by a sixth writer,
/// scored once before any of their failures were read (the floors are a
/// little under that first look: person F1 0.944, title 0.747,
/// organization 0.844, place 0.959, credit 1.0, links 40 of 48). After the
/// rules its failures led to (stop 21): person 0.977, title 0.935,
/// organization 0.986, place 0.967, links 43 of 48; after the rest of
/// them (stop 22): person 1.000, title 1.000, organization 0.993, place
/// 1.000, links 48 of 48. The floors are under those now.
#[test]
fn fifth_held_out_articles() {
    let scores = score(&HELD_OUT_5);
    report("fifth held-out articles", &scores);
    assert_floors(
        "fifth held-out articles",
        &scores,
        [
            ("person", 0.98),
            ("title", 0.96),
            ("organization", 0.97),
            ("place", 0.98),
            ("credit", 0.95),
        ],
        0.95,
    );
}

/// Six more articles by a seventh writer who saw neither the code nor its
/// output (`tests/fixtures/heldout6/`), scored once before any of their
/// failures were read (stop 22): person F1 0.887, title 0.838,
/// organization 0.684, place 0.904, credit 1.0, links 51 of 52 (2 wrong).
/// After the rules its failures led to: person 0.987, title 0.962,
/// organization 0.933, place 0.949, links 52 of 52 (none wrong); the
/// floors are under those.
#[test]
fn sixth_held_out_articles() {
    let scores = score(&HELD_OUT_6);
    report("sixth held-out articles", &scores);
    assert_floors(
        "sixth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.92),
            ("organization", 0.85),
            ("place", 0.92),
            ("credit", 0.95),
        ],
        0.95,
    );
}

/// Six more articles by a ninth writer who saw neither the code nor its
/// output (`tests/fixtures/heldout8/`), scored once before any of their
/// failures were read (stop 23): person F1 0.976, title 0.824,
/// organization 0.868, place 0.929, credit 0.941, links 64 of 71 (2
/// wrong). After the rules its failures led to: person 0.990, title
/// 0.959, organization 0.955, place 0.976, credit 1.000, links 66 of 71
/// (1 wrong); the floors are under those.
#[test]
fn eighth_held_out_articles() {
    let scores = score(&HELD_OUT_8);
    report("eighth held-out articles", &scores);
    assert_floors(
        "eighth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.93),
            ("organization", 0.93),
            ("place", 0.95),
            ("credit", 0.95),
        ],
        0.90,
    );
}

/// Six more articles by an eleventh writer who saw neither the code nor its
/// output (`tests/fixtures/heldout10/`), scored once before any of their
/// failures were read (stop 24): person F1 0.932, title 0.896,
/// organization 0.802, place 0.900, credit 0.917, links 66 of 74 (2
/// wrong). After the rules its failures led to: person 0.948, title
/// 0.923, organization 0.879, place 0.951, credit 1.000, links 69 of 74
/// (none wrong); in stop 25, after a country word that begins a longer
/// name, aliases, `Chánh Văn phòng Bộ`, names met before taking in bare
/// places and a role before a head of two words: person 0.966, title
/// 0.936, organization 0.923, place 0.963. The floors are under those.
#[test]
fn tenth_held_out_articles() {
    let scores = score(&HELD_OUT_10);
    report("tenth held-out articles", &scores);
    assert_floors(
        "tenth held-out articles",
        &scores,
        [
            ("person", 0.95),
            ("title", 0.92),
            ("organization", 0.91),
            ("place", 0.95),
            ("credit", 0.95),
        ],
        0.90,
    );
}

/// Six articles by a fourteenth writer who saw neither the code nor its
/// output (`tests/fixtures/heldout13/`), scored once before any of their
/// failures were read (stop 25): person F1 0.951, title 0.924,
/// organization 0.939, place 0.878, credit 1.000, links 74 of 82 (3
/// wrong). Read the same stop; after the rules its failures led to
/// (particles of foreign names, `Đoàn Việt Nam`, `các tỉnh miền Trung`,
/// numbered communes, `Ban Chính sách, chiến lược Trung ương`): person
/// 0.973, title 0.936, organization 0.947, place 0.907, links 74 of 82;
/// after stop 26's rules (cities abroad, C-suite roles) title 0.947 and
/// place 0.932. The floors are under those.
#[test]
fn thirteenth_held_out_articles() {
    let scores = score(&HELD_OUT_13);
    report("thirteenth held-out articles", &scores);
    assert_floors(
        "thirteenth held-out articles",
        &scores,
        [
            ("person", 0.96),
            ("title", 0.93),
            ("organization", 0.93),
            ("place", 0.92),
            ("credit", 0.95),
        ],
        0.89,
    );
}

/// The fourteenth set (`heldout14/`, six articles by a fifteenth writer who
/// saw neither the code nor its output: a transplant, an artists' honours
/// ceremony, an expressway crash, a durian cooperative, a state visit, a
/// startup's funding round), scored blind in stop 26: person F1 0.926,
/// title 0.853, organization 0.861, place 0.894, credit 1.000, links 62 of
/// 67. After the rules it led to: person 0.989, title 0.957, organization
/// 0.953, place 0.977, links 66 of 67. The floors are under those.
#[test]
fn fourteenth_held_out_articles() {
    let scores = score(&HELD_OUT_14);
    report("fourteenth held-out articles", &scores);
    assert_floors(
        "fourteenth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.94),
            ("organization", 0.94),
            ("place", 0.96),
            ("credit", 0.95),
        ],
        0.95,
    );
}

/// The sixteenth set (`heldout16/`, six articles by a seventeenth writer
/// who saw neither the code nor its output: appointments, a landslide
/// rescue, a marathon, Vesak, a property dispute in court, university
/// admissions), scored blind in stop 26: person F1 0.969, title 0.939,
/// organization 0.919, place 0.898, credit 0.957, links 87 of 90. After
/// the rules it led to: person 0.987, title 0.995, organization 0.953,
/// place 0.922, credit 1.000, links 89 of 90. The floors are under those.
#[test]
fn sixteenth_held_out_articles() {
    let scores = score(&HELD_OUT_16);
    report("sixteenth held-out articles", &scores);
    assert_floors(
        "sixteenth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.97),
            ("organization", 0.94),
            ("place", 0.91),
            ("credit", 0.95),
        ],
        0.95,
    );
}

/// The seventeenth set (`heldout17/`, six articles by an eighteenth writer
/// who saw neither the code nor its output: a stock listing, a smuggling
/// bust, Middle East talks, Mekong floods, a film festival, a dengue
/// outbreak), scored blind in stop 26: person F1 0.925, title 0.927,
/// organization 0.909, place 0.936, credit 0.900, links 58 of 62. After
/// the rules it led to: person 0.953, title 0.960, organization 0.962,
/// place 0.946, credit 1.000, links 60 of 62. The floors are under those.
#[test]
fn seventeenth_held_out_articles() {
    let scores = score(&HELD_OUT_17);
    report("seventeenth held-out articles", &scores);
    assert_floors(
        "seventeenth held-out articles",
        &scores,
        [
            ("person", 0.94),
            ("title", 0.95),
            ("organization", 0.95),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.95,
    );
}

/// The nineteenth set (`heldout19/`, six articles by a twentieth writer who
/// saw neither the code nor its output: a sea rescue, a Japanese prime
/// minister's election, a science award, a lodging-house fire, a factory
/// work stoppage, a wildlife-smuggling seizure), scored blind in stop 27:
/// person F1 0.953, title 0.753, organization 0.697, place 0.953, credit
/// 0.917, links 67 of 82. After the rules it and the later sets led to:
/// person 0.981, title 0.945, organization 0.920, place 0.962, credit
/// 1.000, links 75 of 82.
/// The floors are under those.
#[test]
fn nineteenth_held_out_articles() {
    let scores = score(&HELD_OUT_19);
    report("nineteenth held-out articles", &scores);
    assert_floors(
        "nineteenth held-out articles",
        &scores,
        [
            ("person", 0.96),
            ("title", 0.93),
            ("organization", 0.88),
            ("place", 0.95),
            ("credit", 0.95),
        ],
        0.90,
    );
}

/// The twenty-first set (`heldout21/`, six articles by a twenty-second
/// writer who saw neither the code nor its output: a US Senate
/// appointment, a Korean group's succession, an invoice-selling trial, a
/// lantern festival, a border railway bridge, a frigate at a foreign naval
/// parade), scored blind in stop 27: person F1 0.927, title 0.814,
/// organization 0.885, place 0.911, credit 1.000, links 72 of 90. After
/// the rules it led to: person 0.990, title 0.978, organization 0.973,
/// place 0.949, credit 1.000, links 84 of 90. The floors are under those.
#[test]
fn twenty_first_held_out_articles() {
    let scores = score(&HELD_OUT_21);
    report("twenty-first held-out articles", &scores);
    assert_floors(
        "twenty-first held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.96),
            ("organization", 0.95),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.90,
    );
}

/// The twenty-third set (`heldout23/`, six articles by a twenty-fourth
/// writer who saw neither the code nor its output: an education press
/// conference, a corruption investigation, an APEC summit, a football
/// transfer window, a forest fire and its relief, an airport's first
/// flights), scored blind in stop 27: person F1 0.962, title 0.886,
/// organization 0.865, place 0.917, credit 1.000, links 73 of 78. After
/// the rules it led to: person 0.986, title 0.987, organization 0.965,
/// place 0.936, credit 1.000, links 75 of 78. The floors are under those.
#[test]
fn twenty_third_held_out_articles() {
    let scores = score(&HELD_OUT_23);
    report("twenty-third held-out articles", &scores);
    assert_floors(
        "twenty-third held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.97),
            ("organization", 0.95),
            ("place", 0.92),
            ("credit", 0.95),
        ],
        0.93,
    );
}

/// The twenty-fifth set (`heldout25/`, six articles by a twenty-sixth
/// writer who saw neither the code nor its output: a provincial Party
/// congress, a bank's results and branches, a tennis final abroad, a
/// bishop's ordination, a cross-border phone-scam ring, an AI product
/// launch), scored blind at the end of stop 27: person F1 0.922, title
/// 0.873, organization 0.829, place 0.943, credit 1.000, links 72 of 83.
/// Its failures, read in stop 28, led to rules of their own (Catholic
/// bodies and posts, short names in brackets, banks); the floors are under
/// the scores after them (person 0.995, title 0.982, organization 0.974,
/// place 1.000, links 79 of 83).
#[test]
fn twenty_fifth_held_out_articles() {
    let scores = score(&HELD_OUT_25);
    report("twenty-fifth held-out articles", &scores);
    assert_floors(
        "twenty-fifth held-out articles",
        &scores,
        [
            ("person", 0.98),
            ("title", 0.96),
            ("organization", 0.95),
            ("place", 0.98),
            ("credit", 0.95),
        ],
        0.92,
    );
}

/// The twenty-sixth set (`heldout26/`, six articles by a twenty-seventh
/// writer who saw neither the code nor its output: a trade delegation in
/// Europe, a land-clearance dialogue after the merger, a fishing boat
/// seized abroad, the futsal team's camp in Spain, an archaeological dig at
/// Óc Eo, a coal-mine collapse), scored blind once in stop 28: person F1
/// 0.900, title 0.791, organization 0.774, place 0.905, credit 1.000,
/// links 59 of 70. Its failures, read then, led to rules of their own
/// (village heads, trade offices abroad, a body's lower-case words before
/// its short name, clubs and cities the lists lacked); the floors are under
/// the scores after them (person 0.986, title 0.915, organization 0.952,
/// place 0.971, links 66 of 70).
#[test]
fn twenty_sixth_held_out_articles() {
    let scores = score(&HELD_OUT_26);
    report("twenty-sixth held-out articles", &scores);
    assert_floors(
        "twenty-sixth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.90),
            ("organization", 0.93),
            ("place", 0.95),
            ("credit", 0.95),
        ],
        0.90,
    );
}

/// The twenty-eighth set (`heldout28/`, six articles by a twenty-ninth
/// writer who saw neither the code nor its output: counterfeit traditional
/// medicine, a container route to India, a UNESCO dossier for water
/// puppetry, a drug-free school campaign, a State Audit report, a border
/// meeting with a Lao province), scored blind once in stop 28: person F1
/// 0.950, title 0.807, organization 0.827, place 0.902, credit 1.000,
/// links 68 of 82. Its failures, read then, led to rules of their own
/// (youth-union bodies, the State Audit's posts, a unit's number that is a
/// count); the floors are under the scores after them (person 0.990,
/// title 0.958, organization 0.939, place 0.947, links 78 of 82).
#[test]
fn twenty_eighth_held_out_articles() {
    let scores = score(&HELD_OUT_28);
    report("twenty-eighth held-out articles", &scores);
    assert_floors(
        "twenty-eighth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.94),
            ("organization", 0.92),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.92,
    );
}

/// The thirtieth set (`heldout30/`, six articles by a thirty-first writer
/// who saw neither the code nor its output: an international chess open, a
/// cyber-security drill, seasonal farm workers for a Korean county, a
/// satellite launch, a paper mill fined for pollution, an engineering unit
/// leaving for a UN mission), scored blind once in stop 28: person F1
/// 0.971, title 0.777, organization 0.785, place 0.925, credit 1.000,
/// links 58 of 83. Its failures, read then, led to rules of their own
/// (chess titles, `Cơ quan …` bodies, a place's name that ran on over a
/// chairman's); the floors are under the scores after them (person 0.981,
/// title 0.928, organization 0.918, place 0.949, links 71 of 83).
#[test]
fn thirtieth_held_out_articles() {
    let scores = score(&HELD_OUT_30);
    report("thirtieth held-out articles", &scores);
    assert_floors(
        "thirtieth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.92),
            ("organization", 0.90),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.85,
    );
}

/// The thirty-second set (`heldout32/`, six articles by a thirty-third
/// writer who saw neither the code nor its output: a merged province's
/// People's Council session, a seizure at a border gate, an ASEAN club
/// match, three foreign ministers in Busan, a drug plant opening, a
/// scholarship ceremony), scored blind once in stop 29: person F1 0.964,
/// title 0.966, organization 0.949, place 0.978, credit 1.000, links 79 of
/// 87 (3 to a wrong holder). Its failures, read then, led to rules of
/// their own (a customs office before its place, a fund named after a
/// person, a foreign club holding its province, the addressee of `trả
/// lời`); the floors are under the scores after them (person 0.991, title
/// 1.000, organization 0.991, place 1.000, links 82 of 87).
#[test]
fn thirty_second_held_out_articles() {
    let scores = score(&HELD_OUT_32);
    report("thirty-second held-out articles", &scores);
    assert_floors(
        "thirty-second held-out articles",
        &scores,
        [
            ("person", 0.98),
            ("title", 0.99),
            ("organization", 0.98),
            ("place", 0.99),
            ("credit", 0.95),
        ],
        0.93,
    );
}

/// The thirty-fourth set (`heldout34/`, six articles by a thirty-fifth
/// writer who saw neither the code nor its output: a Party inspection
/// conclusion, an online betting ring, a boxing championship abroad, a
/// typhoon in the Philippines, an airline's shareholders' meeting, a
/// teachers' day ceremony), scored blind once in stop 29: person F1 0.964,
/// title 0.966, organization 0.820, place 0.951, credit 1.000, links 58 of
/// 59. Its failures, read then, led to rules of their own (boxing's
/// `Quyền anh` inside names, a family name that heads no delegation, a
/// foreign holder after a ministry, an honorific inside a name, a country
/// beside a match staying a country); the floors are under the scores
/// after them (person 0.985, title 0.983, organization 0.910, place 0.974,
/// links 59 of 59).
#[test]
fn thirty_fourth_held_out_articles() {
    let scores = score(&HELD_OUT_34);
    report("thirty-fourth held-out articles", &scores);
    assert_floors(
        "thirty-fourth held-out articles",
        &scores,
        [
            ("person", 0.98),
            ("title", 0.98),
            ("organization", 0.90),
            ("place", 0.97),
            ("credit", 0.95),
        ],
        0.98,
    );
}

/// The thirty-sixth set (`heldout36/`, six articles by a thirty-seventh
/// writer who saw neither the code nor its output: a state visit, a
/// tanker fire on a national road, a women's volleyball final, a genome
/// institute's test, a province's investment conference, a children's book
/// fair), scored blind once in stop 29: person F1 0.970, title 0.887,
/// organization 0.852, place 0.961, credit 1.000, links 67 of 75 (3 to a
/// wrong holder). Its failures, read then, led to rules and words of their
/// own (sports inside federations' names, `Trẻ em`, `Viện sĩ`, `Anh hùng`
/// as no Britain, a plural landmark before a holder's full name, Finnish
/// cities, Nokia); the floors are under the scores after them (person
/// 0.974, title 0.921, organization 0.911, place 0.979, links 68 of 75).
#[test]
fn thirty_sixth_held_out_articles() {
    let scores = score(&HELD_OUT_36);
    report("thirty-sixth held-out articles", &scores);
    assert_floors(
        "thirty-sixth held-out articles",
        &scores,
        [
            ("person", 0.97),
            ("title", 0.92),
            ("organization", 0.91),
            ("place", 0.97),
            ("credit", 0.95),
        ],
        0.90,
    );
}

/// The thirty-eighth set (`heldout38/`, six articles by a thirty-ninth
/// writer who saw neither the code nor its output: a listed company's
/// merger, a labour-export fraud trial, a donor conference on hunger in
/// the Horn of Africa, a V-League match, a provincial council's personnel
/// session after the merger, a university's dengue test), scored blind
/// once in stop 38: person F1 0.971, title 0.909, organization 0.951,
/// place 0.946, credit 0.917, links 68 of 76 (5 to a wrong holder). The
/// rules its failures led to (`thủ đô` outside a city's span, a source's
/// line in brackets, `tại` before a club's place, a company met before
/// at the head of a name after a title, foreign company words): person
/// 0.990, title 0.933, organization 0.965, place 0.959, credit 1.000,
/// links 71 of 76 (2 wrong). The floors are under those.
#[test]
fn thirty_eighth_held_out_articles() {
    let scores = score(&HELD_OUT_38);
    report("thirty-eighth held-out articles", &scores);
    assert_floors(
        "thirty-eighth held-out articles",
        &scores,
        [
            ("person", 0.98),
            ("title", 0.92),
            ("organization", 0.95),
            ("place", 0.95),
            ("credit", 0.95),
        ],
        0.92,
    );
}

/// The fortieth set (`heldout40/`, six articles by a forty-first writer
/// who saw neither the code nor its output: a pumped-storage plant's
/// first unit, a street race that killed a street sweeper, a deputy prime
/// minister in Portugal, women's club football against an Australian
/// club, a provincial inspection commission's new chairman, a silk
/// painting exhibition), scored blind once in stop 38 after that stop's
/// rules for `heldout38`: person F1 0.919, title 0.924, organization
/// 0.821, place 0.931, credit 1.000, links 56 of 65 (7 to a wrong holder).
/// After the rules its failures led to (a language named after a country,
/// a name's number kept by its abbreviation, words of project and power
/// bodies, names listed after a unit word's place, `City` ending a
/// club's name): person 0.929, title 0.924, organization 0.875, place
/// 0.948, credit 1.000, links 56 of 65. After stop 39's rules for title
/// holders (a guest list's chain of titles, `thôi giữ chức … đối với`,
/// `nhận nhiệm vụ`, titles joined by `và` after a verb, a seat): links 60
/// of 65 (4 wrong). The floors are under those.
#[test]
fn fortieth_held_out_articles() {
    let scores = score(&HELD_OUT_40);
    report("fortieth held-out articles", &scores);
    assert_floors(
        "fortieth held-out articles",
        &scores,
        [
            ("person", 0.92),
            ("title", 0.92),
            ("organization", 0.87),
            ("place", 0.94),
            ("credit", 0.95),
        ],
        0.9,
    );
}

/// The forty-first set (`heldout41/`, six articles by a forty-second
/// writer who saw neither the code nor its output: salt water held back
/// by a sluice, a bank-loan fraud trial, an ASEAN summit, a women's
/// volleyball final, a National Assembly debate on public debt, a child's
/// brain surgery), scored blind once in stop 39: person F1 0.939, title
/// 0.944, organization 0.863, place 0.926, credit 0.957, links 40 of 48
/// (2 to a wrong holder). After the rules its failures and `heldout40`'s
/// led to (bodies split at `phối hợp`, a bracketed note between a name
/// and its titles, `Jr.`, no holder `Chỉ` in `Trưởng Ban Chỉ đạo`): person
/// 0.957, title 0.944, organization 0.876, place 0.926, credit 0.957,
/// links 44 of 48 (1 wrong). The floors are under those.
#[test]
fn forty_first_held_out_articles() {
    let scores = score(&HELD_OUT_41);
    report("forty-first held-out articles", &scores);
    assert_floors(
        "forty-first held-out articles",
        &scores,
        [
            ("person", 0.95),
            ("title", 0.94),
            ("organization", 0.87),
            ("place", 0.92),
            ("credit", 0.95),
        ],
        0.9,
    );
}

/// The forty-third set (`heldout43/`, six articles by a forty-fourth
/// writer who saw neither the code nor its output: an expressway's last
/// package, heroin seized at a border gate, a government falling in
/// Romania, a cycling stage, a provincial reshuffle, an AI startup's
/// funding), scored blind once in stop 39 after that stop's rules for
/// `heldout40` and `heldout41`: person F1 0.913, title 0.892,
/// organization 0.849, place 0.897, credit 1.000, links 61 of 65 (3
/// wrong). After the rules its failures led to (a bridge's number and a
/// country's name beginning a landmark's, `cầu Mỹ Thuận 2`; no holder
/// `Dự` in `Giám đốc Dự án`; Jrai family names such as `Rơ Chăm`; `Anh
/// Sơn, tài xế …` a person though a district bears the name): person
/// 0.936, place 0.927, links 61 of 65 (1 wrong). The floors are under
/// those.
#[test]
fn forty_third_held_out_articles() {
    let scores = score(&HELD_OUT_43);
    report("forty-third held-out articles", &scores);
    assert_floors(
        "forty-third held-out articles",
        &scores,
        [
            ("person", 0.93),
            ("title", 0.89),
            ("organization", 0.84),
            ("place", 0.92),
            ("credit", 0.95),
        ],
        0.9,
    );
}

/// The forty-fifth set (`heldout45/`, six articles by a forty-sixth
/// writer who saw neither the code nor its output: a hand-foot-mouth
/// outbreak in Đắk Lắk, a land-fraud trial in Khánh Hòa, a state visit to
/// South Korea, a V-League match, a grade-10 entrance exam in Nghệ An, a
/// storm in Hà Tĩnh), scored blind once in stop 40: person F1 0.945,
/// title 0.978, organization 0.924, place 0.932, credit 1.000, links 61
/// of 65 (4 wrong). After the rules its failures led to (law firms;
/// a company's short name met again; numbered communes in a list; a full
/// name after `tại` a place; a given name opening a sentence just after
/// its full name, though a city bears it; offices `tại` a country;
/// `tung vào sân`; a holder past a body's abbreviation and `, ông`):
/// person 0.995, organization 0.955, place 0.952, links 62 of 65. The
/// floors are under those.
#[test]
fn forty_fifth_held_out_articles() {
    let scores = score(&HELD_OUT_45);
    report("forty-fifth held-out articles", &scores);
    assert_floors(
        "forty-fifth held-out articles",
        &scores,
        [
            ("person", 0.99),
            ("title", 0.97),
            ("organization", 0.95),
            ("place", 0.95),
            ("credit", 0.95),
        ],
        0.9,
    );
}

/// The forty-seventh set (`heldout47/`, six articles by a forty-eighth
/// writer who saw neither the code nor its output: an LNG power plant in
/// Quảng Trị, a container-truck crash in Hải Phòng, a ceasefire in Sudan,
/// a badminton semi-final in Bangkok, a question session in the National
/// Assembly, a cải lương play with a French director), scored blind once
/// in stop 40 after that stop's rules: person F1 0.914, title 0.826,
/// organization 0.858, place 0.922, credit 0.957, links 43 of 54 (3
/// wrong). After the rules its failures led to (a holder's given name
/// cut from a body, `Phó Chủ tịch Quốc hội Tuệ`; `Nam Darfur`; `Thái Lan
/// Masters` no person; a site as a credit; `Bộ trưởng Xây dựng`; `Hà
/// Giang` after `Lê Thị Hà Giang` the person): person 0.964, title 0.860,
/// organization 0.886, place 0.937, credit 1.000, links 44 of 54. The
/// floors are under those.
#[test]
fn forty_seventh_held_out_articles() {
    let scores = score(&HELD_OUT_47);
    report("forty-seventh held-out articles", &scores);
    assert_floors(
        "forty-seventh held-out articles",
        &scores,
        [
            ("person", 0.96),
            ("title", 0.85),
            ("organization", 0.88),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.8,
    );
}

/// The forty-ninth set (`heldout49/`, six articles by a fiftieth writer
/// who saw neither the code nor its output: a provincial People's Council
/// electing its chairs, Chile's foreign minister in Hanoi, a bank's merger,
/// an indictment over industrial land, the VFF hiring a Japanese coach, a
/// university's anniversary and science prize), scored blind once in stop
/// 40 after all that stop's rules: person F1 0.964, title 0.901,
/// organization 0.844, place 0.935, credit 1.000, links 74 of 88 (6
/// wrong). The floors are under those.
#[test]
fn forty_ninth_held_out_articles() {
    let scores = score(&HELD_OUT_49);
    report("forty-ninth held-out articles", &scores);
    assert_floors(
        "forty-ninth held-out articles",
        &scores,
        [
            ("person", 0.96),
            ("title", 0.9),
            ("organization", 0.84),
            ("place", 0.93),
            ("credit", 0.95),
        ],
        0.84,
    );
}
