package com.chainatlas.ingest;

/** The kind of value a column holds, with the wording the template's notes sheet uses. */
enum FieldType {
    ID("编号：字母、数字、汉字、- 或 _，不含空格", "id: letters, digits, - or _, no spaces"),
    NAME("名称：全角字母数字和多余空格会被规范化", "name: full-width characters and extra spaces are normalised"),
    TEXT("文本", "text"),
    USCC("18 位统一社会信用代码 (GB 32100-2015，含校验位)", "18-character unified social credit code with check character"),
    REGION("6 位行政区划代码 (GB/T 2260)", "6-digit administrative division code"),
    DECIMAL("数字：可用千分位逗号、全角数字，可带单位", "number: thousands separators, full-width digits and a unit allowed"),
    INTEGER("整数", "whole number"),
    SHARE("比例：0–1 的小数或百分数，如 0.35 或 35%", "share: 0..1 or a percentage like 35%"),
    DATE("日期：2024-03-01、2024/3/1、2024年3月1日 或 Excel 日期", "date: 2024-03-01, 2024/3/1, 2024年3月1日 or an Excel date"),
    YEAR("年份，如 2021", "year, e.g. 2021"),
    BOOLEAN("是/否 (也可 Y/N、1/0、TRUE/FALSE)", "yes/no (是/否, Y/N, 1/0, TRUE/FALSE)"),
    CHOICE("可选值之一", "one of the listed values"),
    ENTERPRISE("企业：统一社会信用代码、企业全称或简称 (须唯一匹配)", "enterprise: USCC, full name or short name (must match exactly one)"),
    ID_LIST("多个编号，用 ; 或 、 分隔", "several ids separated by ; or 、"),
    NAME_LIST("多个值，用 ; 或 、 分隔", "several values separated by ; or 、");

    final String noteZh;
    final String noteEn;

    FieldType(String noteZh, String noteEn) {
        this.noteZh = noteZh;
        this.noteEn = noteEn;
    }
}
