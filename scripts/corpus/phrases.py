"""Pools of chrome, bylines and sentences in the style of the seeds' three sites."""
from __future__ import annotations

THOIDAI_BREADCRUMBS = (
    "Trang chủ Việt Nam hôm nay",
    "Trang chủ Nhân quyền - Góc nhìn thời đại Tình đời nghĩa đạo",
    "Trang chủ Việt Nam hôm nay Đối ngoại nhân dân",
    "Trang chủ Nhân quyền - Góc nhìn thời đại",
)
AUTHORS = (
    "Phan Anh", "Nhất Nam", "Kim Ngân", "Việt Hoan", "Kim Oanh", "Thu Hiền", "Minh Hằng", "Quang Thọ",
    "Thanh Hà", "Ngọc Lan", "Hải Yến", "Thu Trang", "Hoàng Long", "Bảo Ngọc", "Lan Hương", "Mạnh Hùng",
    "Thùy Linh", "Văn Tuấn", "Phương Thảo", "Trung Kiên", "Hồng Nhung", "Tuấn Minh", "Diệu Linh",
    "Quốc Việt", "Thanh Tùng", "Hà Phương", "Ngọc Ánh", "Xuân Trường", "Bích Ngọc", "Đình Hiếu",
)
CREDITS = (
    "thainguyen.gov.vn", "vonhai.thainguyen.gov.vn", "TNGOV", "Kim Oanh", "Trần Huyền", "Trần Nhung",
    "Thu Hiền", "Minh Hằng", "Quang Thọ", "Báo Thái Nguyên", "TTXVN", "Sở Ngoại vụ",
)
AFFILIATIONS = ("Sở Ngoại vụ tỉnh Thái Nguyên", "Sở Ngoại vụ", "Văn phòng Sở")
RELATED_HEADLINES = (  # {P}: a partner named only in the chrome
    "Sinh viên Thái Nguyên giao lưu và trải nghiệm văn hóa {P}",
    "Thúc đẩy quan hệ Việt Nam - {P} từ hợp tác nhân dân",
    "Nhiều đề xuất hợp tác nhằm thúc đẩy đối ngoại nhân dân Việt Nam - {P}",
    "Đoàn công tác {P} thăm và làm việc tại Hà Nội",
    "{P} hỗ trợ người dân phục hồi sinh kế sau bão",
    "Hội hữu nghị Việt Nam - {P} tổ chức Đại hội nhiệm kỳ mới",
    "Doanh nghiệp {P} tìm hiểu cơ hội đầu tư tại các tỉnh phía Bắc",
    "Triển lãm ảnh về đất nước, con người {P} tại Hà Nội",
    "Tuần lễ văn hóa {P} khai mạc tại Thành phố Hồ Chí Minh",
    "Học bổng của {P} dành cho sinh viên Việt Nam",
)
RELATED_SUMMARIES = (
    "Ngày {d}/{m} tại Hà Nội, đại diện {P} đã có buổi làm việc với các cơ quan liên quan về hợp tác giáo dục, y tế và phát triển cộng đồng.",
    "Trong khuôn khổ chuyến thăm, hai bên đã trao đổi về các biện pháp thúc đẩy hợp tác giữa các địa phương của Việt Nam và {P}.",
    "Chương trình do {P} phối hợp tổ chức đã thu hút đông đảo người dân và sinh viên tham gia.",
)
GENERIC_HEADLINES = (
    "Thời tiết hôm nay ({d}/{m}): Hà Nội nắng nóng, có nơi trên 37 độ",
    "Hà Nội: Điều chỉnh thời gian phân luồng giao thông ngày {d}/{m}",
    "Chiềng Sinh (Điện Biên) hướng tới giảm tỷ lệ hộ nghèo xuống dưới 3%",
    "Ra mắt góc y tế thân thiện với sinh viên tại Hà Nội",
    "Người dân chủ động theo dõi thời tiết, sẵn sàng ứng phó bão",
)

# Sentences that bring one more partner or person into a paragraph, by the partner's kind.
PARTNER_SENTENCES = {
    "country": ("Tỉnh cũng tăng cường trao đổi đoàn với các cơ quan, địa phương của {P}.",
                "Thái Nguyên mong muốn tiếp tục mở rộng hợp tác với {P} trong các lĩnh vực giáo dục, y tế và thương mại."),
    "province": ("Quan hệ hợp tác với tỉnh {P} tiếp tục được duy trì và phát triển.",),
    "city": ("Quan hệ hữu nghị với thành phố {P} được duy trì thông qua trao đổi đoàn và giao lưu văn hóa.",),
    "district": ("Nhiều hoạt động giao lưu với {P} đã được tổ chức trong năm.",),
    "company": ("{P} tiếp tục mở rộng đầu tư tại các khu công nghiệp của tỉnh.",),
    "embassy": ("Lãnh đạo tỉnh đã tiếp và làm việc với đoàn công tác của {P}.",),
    "university": ("Các cơ sở đào tạo của tỉnh đã ký kết thỏa thuận hợp tác với {P} về trao đổi giảng viên, sinh viên.",),
    "institute": ("Tỉnh đã phối hợp với {P} triển khai một số nghiên cứu và dự án thí điểm.",),
    "ngo": ("{P} đã tài trợ nhiều dự án hỗ trợ cộng đồng trên địa bàn tỉnh.",),
    "international-organisation": ("{P} tiếp tục hỗ trợ các chương trình vì trẻ em trên địa bàn tỉnh.",),
    "political-party": ("Tỉnh đã tiếp đón đoàn đại biểu của {P} sang thăm và làm việc.",),
    "government-body": ("Tỉnh đã tiếp đón đoàn công tác của {P} sang thăm và làm việc.",),
}
PERSON_SENTENCES = (
    "Tham dự buổi làm việc có {T} {N}, {R}.",
    "{R} {N} đề nghị các bên tiếp tục phối hợp chặt chẽ, triển khai hiệu quả các nội dung hợp tác đã ký kết.",
    "Phát biểu tại buổi làm việc, {T} {N} khẳng định sẽ tạo mọi điều kiện thuận lợi để hai bên tăng cường hợp tác.",
)
LIST_INTRO = "Thời gian tới, tỉnh Thái Nguyên tập trung thực hiện một số nhiệm vụ trọng tâm sau:"
LIST_ITEMS = (
    "Tăng cường hợp tác với {P} trong các lĩnh vực giáo dục, y tế và đào tạo nguồn nhân lực;",
    "Đẩy mạnh xúc tiến đầu tư, thu hút các doanh nghiệp của {P} vào các khu công nghiệp của tỉnh;",
    "Duy trì trao đổi đoàn và giao lưu nhân dân với {P};",
)
HEADING_EXTRA = ("Hợp tác với {P}", "Mở rộng quan hệ với {P}", "Tăng cường giao lưu với {P}")
