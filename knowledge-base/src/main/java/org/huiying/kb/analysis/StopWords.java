package org.huiying.kb.analysis;

import java.util.Set;

/**
 * Function words and chat filler that say nothing about which article is wanted. Negations
 * (不, 没, 无法) are deliberately kept: 「不充电」 and 「充电」 are different problems.
 */
final class StopWords {

    static final Set<String> CHINESE = Set.of(
            "的", "了", "吗", "呢", "啊", "吧", "呀", "哦", "嘛", "么", "啦", "哈", "喔", "嗯",
            "是", "在", "我", "我们", "你", "你们", "您", "他", "她", "它", "这", "那", "这个", "那个",
            "就", "都", "也", "还", "又", "和", "与", "及", "或", "或者", "被", "把", "给", "让", "得", "地",
            "很", "太", "挺", "非常", "特别", "请问", "请", "一下", "怎么", "怎么办", "怎样", "如何", "为什么",
            "为何", "什么", "啥", "咋", "咋办", "咋回事", "能", "会", "可以", "要", "想", "应该", "该", "一个",
            "有点", "有些", "一些", "总是", "老是", "经常", "时候", "的话", "现在", "今天", "昨天", "刚才",
            "a", "an", "the", "of", "to", "is", "and", "or");

    private StopWords() {
    }
}
