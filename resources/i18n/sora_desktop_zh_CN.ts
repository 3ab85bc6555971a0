<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/about_dialog.py" line="+40" />
            <source>not installed</source>
            <translation>未安装</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PyAV {pyav}, FFmpeg {ffmpeg}</source>
            <translation>PyAV {pyav}，FFmpeg {ffmpeg}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>none available: keys must come from environment variables</source>
            <translation>不可用：密钥必须来自环境变量</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unavailable ({reason})</source>
            <translation>不可用（{reason}）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Python</source>
            <translation>Python</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Qt / PySide6</source>
            <translation>Qt / PySide6</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Video decoding</source>
            <translation>视频解码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keyring</source>
            <translation>钥匙串</translation>
        </message>
        <message>
            <location line="+2" />
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Settings folder</source>
            <translation>设置文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Library folder</source>
            <translation>视频库文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cache folder</source>
            <translation>缓存文件夹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log file</source>
            <translation>日志文件</translation>
        </message>
        <message>
            <location line="+12" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Write a prompt, generate short videos, watch them, keep every generation in a library and export clips to your folders.</source>
            <translation>写下提示词，生成短视频并观看；每一次生成都保存在视频库中，还可以把片段导出到你自己的文件夹。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>OpenAI shut its Sora video API down on 2026-09-24 and Azure closed new Sora 2 deployments. The app speaks the same Videos API to gateways that still serve it, and ships a simulator that makes real clips on this computer.</source>
            <translation>OpenAI 已于 2026-09-24 关闭 Sora 视频 API，Azure 也已停止新建 Sora 2 部署。本应用可通过仍提供同一 Videos API 的网关使用，并自带一个在本机生成真实片段的模拟器。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy versions and folders, e.g. for a bug report</source>
            <translation>复制版本和文件夹信息，例如用于报告问题</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../sora_desktop/gui/app.py" line="+374" />
            <source>Exported {0} file(s).</source>
            <translation>已导出 {0} 个文件。</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Library repaired</source>
            <translation>视频库已修复</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The library file was damaged and has been moved aside to:
{0}

A new, empty library was started. Your video files are still in their folder.</source>
            <translation>视频库文件已损坏，已移至：
{0}

已新建一个空的视频库。你的视频文件仍在原来的文件夹中。</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../sora_desktop/gui/banner.py" line="+40" />
            <location line="+1" />
            <source>Dismiss</source>
            <translation>关闭提示</translation>
        </message>
    </context>
    <context>
        <name>ConnectionForm</name>
        <message>
            <location filename="../../sora_desktop/gui/connection_form.py" line="+77" />
            <source>OpenAI shut its Sora video API down on 2026-09-24; this connection will only work with a gateway that still serves it.</source>
            <translation>OpenAI 已于 2026-09-24 关闭 Sora 视频 API；此连接只能配合仍提供该 API 的网关使用。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Azure stopped new Sora 2 deployments in September 2026; existing deployments may still answer.</source>
            <translation>Azure 已于 2026 年 9 月停止新建 Sora 2 部署；现有部署可能仍可使用。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gateways such as LiteLLM expose /v1/videos and route it to other video models.</source>
            <translation>LiteLLM 等网关提供 /v1/videos 接口，并将请求转发给其他视频模型。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Runs on this computer and makes real MP4 clips; no account needed.</source>
            <translation>在本机运行，生成真实的 MP4 片段；无需账号。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>OpenAI</source>
            <translation>OpenAI</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Azure OpenAI / Microsoft Foundry</source>
            <translation>Azure OpenAI / Microsoft Foundry</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compatible gateway (e.g. LiteLLM)</source>
            <translation>兼容网关（如 LiteLLM）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Simulator (this computer)</source>
            <translation>模拟器（本机）</translation>
        </message>
        <message>
            <location line="+16" />
            <source>e.g. Studio gateway</source>
            <translation>例如：工作室网关</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+40" />
            <location line="+203" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="-238" />
            <source>Service</source>
            <translation>服务</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+137" />
            <source>Base URL</source>
            <translation>基础 URL</translation>
        </message>
        <message>
            <location line="-134" />
            <source>Authorization: Bearer header</source>
            <translation>Authorization: Bearer 请求头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>api-key header (Azure)</source>
            <translation>api-key 请求头（Azure）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send the key as</source>
            <translation>密钥发送方式</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Key stored in the system keychain</source>
            <translation>密钥保存在系统钥匙串中</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Key from environment variable</source>
            <translation>从环境变量读取密钥</translation>
        </message>
        <message>
            <location line="+10" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="+3" />
            <source>optional, e.g. http://proxy.example:3128</source>
            <translation>可选，例如 http://proxy.example:3128</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+226" />
            <source>Proxy</source>
            <translation>代理</translation>
        </message>
        <message>
            <location line="-220" />
            <source>Works like</source>
            <translation>能力等同于</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Add model</source>
            <translation>添加模型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove model</source>
            <translation>移除模型</translation>
        </message>
        <message>
            <location line="+20" />
            <source>A key is stored. Type a new one to replace it.</source>
            <translation>已保存密钥。输入新密钥即可替换。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+38" />
            <source>Paste the API key (kept in the system keychain, never in a file)</source>
            <translation>粘贴 API 密钥（保存在系统钥匙串中，绝不写入文件）</translation>
        </message>
        <message>
            <location line="-23" />
            <source>Started by the app on this computer</source>
            <translation>由本应用在本机启动</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Resource endpoint</source>
            <translation>资源终结点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>https://NAME.openai.azure.com or just the resource NAME</source>
            <translation>https://名称.openai.azure.com，或只填资源名称</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Gateway base URL</source>
            <translation>网关基础 URL</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Simulator URL</source>
            <translation>模拟器 URL</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Deployments (the names you gave them in Azure AI Foundry):</source>
            <translation>部署（你在 Azure AI Foundry 中为它们起的名称）：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Models this connection offers (the first is the default):</source>
            <translation>此连接提供的模型（第一个为默认）：</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Other (the gateway decides)</source>
            <translation>其他（由网关决定）</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Enter the address.</source>
            <translation>请输入地址。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The address {url!r} is not a valid URL (it contains a space).</source>
            <translation>地址 {url!r} 不是有效的 URL（其中包含空格）。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Give the connection a name.</source>
            <translation>请为此连接命名。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Environment variable</source>
            <translation>环境变量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use letters, digits and underscores, e.g. OPENAI_API_KEY.</source>
            <translation>请使用字母、数字和下划线，例如 OPENAI_API_KEY。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter a proxy address like http://proxy.example:3128.</source>
            <translation>请输入代理地址，例如 http://proxy.example:3128。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add at least one model or deployment name.</source>
            <translation>请至少添加一个模型或部署名称。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionsDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/connections_dialog.py" line="+84" />
            <source>No API key for this connection.</source>
            <translation>此连接没有 API 密钥。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the environment variable {name}.</source>
            <translation>请设置环境变量 {name}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Paste the key in the API key field.</source>
            <translation>请在“API 密钥”栏中粘贴密钥。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Connections</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove…</source>
            <translation>移除…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>List your videos once to check address and key</source>
            <translation>列出一次你的视频，以检查地址和密钥</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+95" />
            <source>Profile</source>
            <translation>配置</translation>
        </message>
        <message>
            <location line="+8" />
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Remove connection</source>
            <translation>移除连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove “{name}” and forget its key?</source>
            <translation>移除“{name}”并删除其密钥？</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Testing {name}…</source>
            <translation>正在测试 {name}…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The test was cancelled.</source>
            <translation>测试已取消。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Connected in {ms} ms. The key was accepted and the service lists {count} video(s).</source>
            <translation>连接成功，用时 {ms} 毫秒。密钥有效，服务中共列出 {count} 个视频。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No answer.</source>
            <translation>没有响应。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The connection failed: {detail}</source>
            <translation>连接失败：{detail}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Next step: {step}</source>
            <translation>下一步：{step}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{field}: {message}</source>
            <translation>{field}：{message}</translation>
        </message>
    </context>
    <context>
        <name>ErrorPresenter</name>
        <message>
            <location filename="../../sora_desktop/gui/error_presenter.py" line="+72" />
            <source>Sora Desktop</source>
            <translation>Sora Desktop</translation>
        </message>
        <message>
            <location line="+22" />
            <source>(no log file)</source>
            <translation>（无日志文件）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Something went wrong</source>
            <translation>出现问题</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sora Desktop hit an unexpected problem. Your library and running jobs are safe; jobs resume on the next start.</source>
            <translation>Sora Desktop 遇到意外问题。你的视频库和正在运行的任务都是安全的；任务会在下次启动时继续。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Details were written to the log file:
{0}</source>
            <translation>详细信息已写入日志文件：
{0}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/export_dialog.py" line="+76" />
            <source>Export videos</source>
            <translation>导出视频</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export 1 video.</source>
            <translation>导出 1 个视频。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export {count} videos.</source>
            <translation>导出 {count} 个视频。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File names</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fields you can use: {fields}</source>
            <translation>可用字段：{fields}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The files will be named:</source>
            <translation>文件将被命名为：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Also save the prompt and settings as a .json file next to each video</source>
            <translation>同时在每个视频旁保存一个包含提示词和参数的 .json 文件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy the files</source>
            <translation>复制文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hard-link the files (no extra disk space; same drive only, else copied)</source>
            <translation>硬链接文件（不占用额外磁盘空间；仅限同一磁盘，否则改为复制）</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+31" />
            <location line="+44" />
            <source>File names: {problem}</source>
            <translation>文件名：{problem}</translation>
        </message>
        <message>
            <location line="-36" />
            <source>… and {count} more</source>
            <translation>……另外还有 {count} 个</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export to folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose a folder to export to.</source>
            <translation>请选择要导出到的文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The folder {folder} does not exist. Choose another or create it.</source>
            <translation>文件夹 {folder} 不存在。请选择其他文件夹或先创建它。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{folder} is a file, not a folder. Choose a folder.</source>
            <translation>{folder} 是一个文件，不是文件夹。请选择一个文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The folder {folder} is read-only. Choose a folder you may write to.</source>
            <translation>文件夹 {folder} 是只读的。请选择一个可以写入的文件夹。</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Could not export {name}: {reason}</source>
            <translation>无法导出 {name}：{reason}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{count} file(s) were exported before this.</source>
            <translation>在此之前已导出 {count} 个文件。</translation>
        </message>
    </context>
    <context>
        <name>ImagePicker</name>
        <message>
            <location filename="../../sora_desktop/gui/image_picker.py" line="+82" />
            <source>Choose image…</source>
            <translation>选择图片…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fit (add bars)</source>
            <translation>适应（加黑边）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Crop to fill</source>
            <translation>裁剪填满</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The image must match the video size exactly: fit it or crop it</source>
            <translation>图片尺寸必须与视频完全一致：请选择适应或裁剪</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Choose a reference image</source>
            <translation>选择参考图片</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Images ({0})</source>
            <translation>图片（{0}）</translation>
        </message>
        <message>
            <location line="+33" />
            <source>This image can't be read: {0}</source>
            <translation>无法读取此图片：{0}</translation>
        </message>
        <message>
            <location line="+30" />
            <source>No image
(drop one here)</source>
            <translation>没有图片
（拖放到这里）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Optional: the first frame follows this image (PNG, JPEG or WebP).</source>
            <translation>可选：视频第一帧将参照此图片（PNG、JPEG 或 WebP）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>fitted with bars</source>
            <translation>加黑边适应</translation>
        </message>
        <message>
            <location line="+0" />
            <source>cropped</source>
            <translation>裁剪</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0}: {1}×{2}, will be {3} to {4}.</source>
            <translation>{0}：{1}×{2}，将{3}为 {4}。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0}: exactly {1}, sent as is.</source>
            <translation>{0}：正好是 {1}，按原样发送。</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <location filename="../../sora_desktop/gui/library_model.py" line="+141" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queued</source>
            <translation>排队中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rendering</source>
            <translation>渲染中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rendered</source>
            <translation>已渲染</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <location line="+190" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Length</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+62" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location line="-14" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not a favourite</source>
            <translation>未收藏</translation>
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/library_view.py" line="+135" />
            <source>Search prompts…</source>
            <translation>搜索提示词…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show only videos in this state</source>
            <translation>只显示处于此状态的视频</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All videos</source>
            <translation>全部视频</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready to watch</source>
            <translation>可以观看</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed or expired</source>
            <translation>失败或已过期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+6" />
            <source>★ Favourites</source>
            <translation>★ 收藏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show only favourites</source>
            <translation>只显示收藏</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remix…</source>
            <translation>再创作…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Make a variation with a changed prompt</source>
            <translation>修改提示词生成一个变体</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reuse prompt</source>
            <translation>重用提示词</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Put this prompt and its settings back into the editor</source>
            <translation>把此提示词及其参数放回编辑器</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy path</source>
            <translation>复制路径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete from this computer…</source>
            <translation>从本机删除…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove the video file and its library entry</source>
            <translation>删除视频文件及其视频库条目</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delete from the service…</source>
            <translation>从服务端删除…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ask the service to delete its copy</source>
            <translation>请求服务删除其副本</translation>
        </message>
        <message>
            <location line="+71" />
            <source>1 video</source>
            <translation>1 个视频</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{count} videos</source>
            <translation>{count} 个视频</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No videos match. Try other words or clear the filters.</source>
            <translation>没有匹配的视频。请换个关键词或清除筛选条件。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your videos will appear here. Write a prompt and press Generate.</source>
            <translation>你的视频会显示在这里。写下提示词，然后点击“生成”。</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Can't show the file</source>
            <translation>无法显示该文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file manager could not be opened. The file is at:
{path}</source>
            <translation>无法打开文件管理器。文件位于：
{path}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Delete {count} selected video(s) from this computer? The files are removed from the library folder. Copies you exported stay where they are.</source>
            <translation>从本机删除选中的 {count} 个视频？文件将从视频库文件夹中删除。你导出的副本不受影响。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete videos</source>
            <translation>删除视频</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Some files could not be deleted</source>
            <translation>部分文件无法删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close any app that uses them and try again.</source>
            <translation>请关闭正在使用这些文件的应用后重试。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Ask the service to delete {count} selected video(s)? Your local copies stay in the library.</source>
            <translation>请求服务删除选中的 {count} 个视频？本机副本仍保留在视频库中。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete from the service</source>
            <translation>从服务端删除</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../sora_desktop/gui/main_window.py" line="+48" />
            <source>You're using the built-in simulator: clips are made on this computer, no account needed. OpenAI's Sora API shut down on 2026-09-24.</source>
            <translation>你正在使用内置模拟器：片段在本机生成，无需账号。OpenAI 的 Sora API 已于 2026-09-24 关闭。</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Add a connection…</source>
            <extracomment>the composition root opens the other owner's dialogs for these</extracomment>
            <translation>添加连接…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location line="+58" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Export selected videos…</source>
            <translation>导出所选视频(&amp;E)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Preferences…</source>
            <translation>偏好设置(&amp;P)…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Connections</source>
            <translation>连接(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Manage connections…</source>
            <translation>管理连接(&amp;M)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Sora Desktop</source>
            <translation>关于 Sora Desktop(&amp;A)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Start the generation (Ctrl+Enter)</source>
            <translation>开始生成（Ctrl+Enter）</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not sent.</source>
            <translation>未发送。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sent. Rendering…</source>
            <translation>已发送，正在渲染…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Resumed {0} unfinished job(s).</source>
            <translation>已恢复 {0} 个未完成的任务。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Your video is ready.</source>
            <translation>你的视频已就绪。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Video ready</source>
            <translation>视频已就绪</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The job did not finish.</source>
            <translation>任务未能完成。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Video failed</source>
            <translation>视频生成失败</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cancel this job?</source>
            <translation>取消此任务？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This app stops waiting for the video. A render the service has already started keeps running there and may still be billed.</source>
            <translation>本应用将不再等待此视频。服务端已开始的渲染会继续进行，仍可能产生费用。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>This video is not on this computer (yet).</source>
            <translation>此视频（尚）不在本机上。</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Select videos in the library to export them.</source>
            <translation>请先在视频库中选择要导出的视频。</translation>
        </message>
        <message numerus="yes">
            <location line="+45" />
            <source>%n video(s) still being made.</source>
            <translation>
                <numerusform>仍有 %n 个视频正在生成。</numerusform>
            </translation>
        </message>
        <message>
            <location line="-1" />
            <source>Jobs are still running</source>
            <translation>仍有任务在运行</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Keep them and they continue the next time you open Sora Desktop, or cancel them now (a render the service already started may still be billed).</source>
            <translation>保留它们，下次打开 Sora Desktop 时会继续；或者现在取消（服务端已开始的渲染仍可能产生费用）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Keep for next start</source>
            <translation>保留到下次启动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel them</source>
            <translation>取消这些任务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Don't close</source>
            <translation>不关闭</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/preferences_dialog.py" line="+58" />
            <source>Preferences</source>
            <translation>偏好设置</translation>
        </message>
        <message>
            <location line="+3" />
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <location line="+3" />
            <source>System language</source>
            <translation>跟随系统语言</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new language shows fully after a restart.</source>
            <translation>重新启动后新语言才会完全生效。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Show the banner while using the simulator</source>
            <translation>使用模拟器时显示提示横幅</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notify me when a video is ready</source>
            <translation>视频就绪时通知我</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ask when exporting</source>
            <translation>导出时询问</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File names</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Save a .json file with the prompt and settings</source>
            <translation>保存一个包含提示词和参数的 .json 文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Hard-link instead of copying when possible</source>
            <translation>尽可能使用硬链接而不是复制</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Default export folder</source>
            <translation>默认导出文件夹</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../sora_desktop/gui/preview.py" line="+77" />
            <source>Your video plays here.
Write a prompt and press Generate.</source>
            <translation>你的视频将在这里播放。
写下提示词，然后点击“生成”。</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+271" />
            <source>Play (Space)</source>
            <translation>播放（空格）</translation>
        </message>
        <message>
            <location line="-265" />
            <source>Previous frame</source>
            <translation>上一帧</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Next frame</source>
            <translation>下一帧</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Play the clip over and over</source>
            <translation>反复播放此片段</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Mute</source>
            <translation>静音</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Volume</source>
            <translation>音量</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Full screen (F)</source>
            <translation>全屏（F）</translation>
        </message>
        <message>
            <location line="+222" />
            <source>Pause (Space)</source>
            <translation>暂停（空格）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Can't play {0}: {1}</source>
            <translation>无法播放 {0}：{1}</translation>
        </message>
    </context>
    <context>
        <name>PromptEditor</name>
        <message>
            <location filename="../../sora_desktop/gui/prompt_editor.py" line="+47" />
            <source>&lt;b&gt;Prompt&lt;/b&gt;</source>
            <translation>&lt;b&gt;提示词&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recent</source>
            <translation>最近</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reuse one of your recent prompts</source>
            <translation>重用最近的提示词</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Recipe</source>
            <translation>配方</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Build a prompt from subject, scene, action, camera, lighting, style, motion</source>
            <translation>根据主体、场景、动作、镜头、光线、风格和运动构建提示词</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Describe the video: who or what, where, what happens, the camera, the light and the style. Press Ctrl+Enter to generate.</source>
            <translation>描述视频：主体是谁或什么、在哪里、发生了什么，以及镜头、光线和风格。按 Ctrl+Enter 生成。</translation>
        </message>
        <message>
            <location line="+68" />
            <source>Write a prompt first.</source>
            <translation>请先写提示词。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The prompt is {0} characters too long (the limit is {1}).</source>
            <translation>提示词超出 {0} 个字符（上限为 {1}）。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{0} / {1}</source>
            <translation>{0} / {1}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Too long: shorten the prompt to send it.</source>
            <translation>太长了：请缩短提示词后再发送。</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <location filename="../../sora_desktop/gui/queue_view.py" line="+120" />
            <source>Clear finished</source>
            <translation>清除已完成</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+34" />
            <source>&lt;b&gt;Queue&lt;/b&gt; — {0} running</source>
            <translation>&lt;b&gt;队列&lt;/b&gt; — {0} 个运行中</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;Queue&lt;/b&gt; — nothing running</source>
            <translation>&lt;b&gt;队列&lt;/b&gt; — 没有运行中的任务</translation>
        </message>
    </context>
    <context>
        <name>RemixDialog</name>
        <message>
            <location filename="../../sora_desktop/gui/remix_dialog.py" line="+33" />
            <source>Remix video</source>
            <translation>再创作视频</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Describe what should change. The remix keeps the original's structure, so small, specific changes work best.</source>
            <translation>描述需要改变的地方。再创作会保留原视频的结构，因此小而具体的修改效果最好。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Remix</source>
            <translation>再创作</translation>
        </message>
    </context>
    <context>
        <name>SettingsPanel</name>
        <message>
            <location filename="../../sora_desktop/gui/settings_panel.py" line="+61" />
            <source>Where videos are made</source>
            <extracomment>the models offered when a profile lists none</extracomment>
            <translation>视频在哪里生成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Portrait</source>
            <translation>竖屏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Landscape</source>
            <translation>横屏</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Orientation</source>
            <translation>方向</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+4" />
            <source>An estimate from archived per-second prices; the service bills the truth</source>
            <translation>根据存档的每秒价格估算；实际费用以服务商账单为准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reference image (optional)</source>
            <translation>参考图片（可选）</translation>
        </message>
        <message>
            <location line="+73" />
            <source>Add a connection first.</source>
            <translation>请先添加连接。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pick a size and a duration.</source>
            <translation>请选择尺寸和时长。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>price unknown</source>
            <translation>价格未知</translation>
        </message>
        <message>
            <location line="+2" />
            <source>≈ ${0} at ${1}/s</source>
            <translation>≈ ${0}（每秒 ${1}）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(free on the simulator)</source>
            <translation>（模拟器上免费）</translation>
        </message>
        <message>
            <location line="+61" />
            <source>{0} seconds</source>
            <translation>{0} 秒</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{0} × {1}</source>
            <translation>{0} × {1}</translation>
        </message>
    </context>
    <context>
        <name>TemplateBuilder</name>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="+132" />
            <source>type or pick…</source>
            <translation>输入或选择…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Insert into prompt</source>
            <translation>插入到提示词</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="23" />
            <source>Subject</source>
            <translation>主体</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="24" />
            <source>Scene</source>
            <translation>场景</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="25" />
            <source>Action</source>
            <translation>动作</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="26" />
            <source>Camera</source>
            <translation>镜头</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="27" />
            <source>Lighting</source>
            <translation>光线</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="28" />
            <source>Style</source>
            <translation>风格</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/template_builder.py" line="29" />
            <source>Motion</source>
            <translation>运动</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="41" />
            <source>Preparing</source>
            <translation>准备中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="42" />
            <source>Sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="43" />
            <source>Waiting in line</source>
            <translation>排队等待中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="44" />
            <source>Rendering</source>
            <translation>渲染中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="45" />
            <source>Rendered</source>
            <translation>已渲染</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="46" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="47" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="48" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="49" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="50" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="51" />
            <source>Interrupted (resumes)</source>
            <translation>已中断（将继续）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="178" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="179" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="180" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="181" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="182" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="183" />
            <source>Elapsed</source>
            <translation>已用时间</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="227" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/gui/queue_model.py" line="212" />
            <source>{0} · {1} · {2} s</source>
            <translation>{0} · {1} · {2} 秒</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="142" />
            <source>The prompt is empty.</source>
            <translation>提示词为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="143" />
            <source>Describe the video you want: subject, scene, action, camera, lighting, style.</source>
            <translation>描述你想要的视频：主体、场景、动作、镜头、光线、风格。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="151" />
            <source>Shorten the prompt.</source>
            <translation>请缩短提示词。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="159" />
            <source>Pick one of the allowed sizes.</source>
            <translation>请选择一个允许的尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="167" />
            <source>Pick one of the allowed durations.</source>
            <translation>请选择一个允许的时长。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="173" />
            <source>Remove the image or pick another model.</source>
            <translation>请移除图片，或换一个模型。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="179" />
            <source>Pick another model to remix with.</source>
            <translation>请换一个模型进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="148" />
            <source>The prompt has {count} characters; {model} accepts at most {limit}.</source>
            <translation>提示词有 {count} 个字符；{model} 最多接受 {limit} 个。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="156" />
            <source>{model} can't make {size!r} videos. Allowed sizes: {allowed}.</source>
            <translation>{model} 无法生成 {size!r} 尺寸的视频。允许的尺寸：{allowed}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="164" />
            <source>{model} can't make {seconds}-second videos. Allowed durations: {allowed} seconds.</source>
            <translation>{model} 无法生成 {seconds} 秒的视频。允许的时长：{allowed} 秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="172" />
            <source>{model} does not take a reference image.</source>
            <translation>{model} 不支持参考图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/capabilities.py" line="178" />
            <source>{model} can't remix videos.</source>
            <translation>{model} 无法对视频进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="163" />
            <source>The connection to the server broke.</source>
            <translation>与服务器的连接中断了。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="164" />
            <source>The app will retry; check your connection if it keeps happening.</source>
            <translation>应用会自动重试；如果反复出现，请检查网络连接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="85" />
            <source>Enter a URL like https://api.openai.com/v1.</source>
            <translation>请输入类似 https://api.openai.com/v1 的 URL。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="90" />
            <source>The base URL is empty.</source>
            <translation>基础 URL 为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="110" />
            <source>The base URL contains a user name or password.</source>
            <translation>基础 URL 中包含用户名或密码。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="111" />
            <source>Remove it from the URL; the API key belongs in the key field.</source>
            <translation>请将其从 URL 中删除；API 密钥应填写在密钥栏中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="118" />
            <source>Use https://; plain http is only allowed for this computer (127.0.0.1, localhost).</source>
            <translation>请使用 https://；未加密的 http 只允许用于本机（127.0.0.1、localhost）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="139" />
            <source>Could not connect to the server in time.</source>
            <translation>未能及时连接到服务器。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="140" />
            <source>Check your internet connection, proxy and the base URL, then try again.</source>
            <translation>请检查网络连接、代理和基础 URL，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="145" />
            <source>The server's name could not be found (DNS).</source>
            <translation>找不到服务器的域名（DNS）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="159" />
            <source>The server stopped answering (timeout).</source>
            <translation>服务器停止响应（超时）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="147" />
            <source>The server's TLS certificate could not be verified.</source>
            <translation>无法验证服务器的 TLS 证书。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="445" />
            <source>Check that the library folder exists and is writable.</source>
            <translation>请确认视频库文件夹存在且可写入。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="92" />
            <source>The base URL {url!r} is not a valid URL: it contains a space.</source>
            <translation>基础 URL {url!r} 不是有效的 URL：其中包含空格。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="100" />
            <source>The base URL {url!r} must start with https://.</source>
            <translation>基础 URL {url!r} 必须以 https:// 开头。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="103" />
            <source>The base URL {url!r} has no host name.</source>
            <translation>基础 URL {url!r} 缺少主机名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="105" />
            <source>The base URL {url!r} is not a valid URL (bad host name).</source>
            <translation>基础 URL {url!r} 不是有效的 URL（主机名有误）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="107" />
            <source>The base URL {url!r} is not a valid URL (bad port).</source>
            <translation>基础 URL {url!r} 不是有效的 URL（端口有误）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="114" />
            <source>The base URL {url!r} must not contain '?' or '#'.</source>
            <translation>基础 URL {url!r} 中不能包含 '?' 或 '#'。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="149" />
            <source>The server refused the connection.</source>
            <translation>服务器拒绝了连接。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="151" />
            <source>Could not connect to the server.</source>
            <translation>无法连接到服务器。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="184" />
            <source>Pick a JPEG, PNG or WebP image.</source>
            <translation>请选择 JPEG、PNG 或 WebP 图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="288" />
            <source>Check the base URL of this connection; a proxy or captive portal may be in the way.</source>
            <translation>请检查此连接的基础 URL；可能有代理或网络登录页面从中拦截。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="301" />
            <source>Check the base URL of this connection.</source>
            <translation>请检查此连接的基础 URL。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="96" />
            <source>The base URL {url!r} is not a valid URL.</source>
            <translation>基础 URL {url!r} 不是有效的 URL。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="332" />
            <source>Pick the image again.</source>
            <translation>请重新选择图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="444" />
            <source>The download folder can't be read ({detail}).</source>
            <translation>无法读取下载文件夹（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="181" />
            <source>The reference image {name!r} is not a JPEG, PNG or WebP file.</source>
            <translation>参考图片 {name!r} 不是 JPEG、PNG 或 WebP 文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="284" />
            <source>The server answered HTTP {status} with something that is not the video API (not JSON).</source>
            <translation>服务器返回了 HTTP {status}，但内容不是视频 API 的响应（不是 JSON）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="300" />
            <source>The server's answer is not a video object ({detail}).</source>
            <translation>服务器的响应不是视频对象（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="354" />
            <source>The server's answer is not a list of videos ({detail}).</source>
            <translation>服务器的响应不是视频列表（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/client.py" line="329" />
            <source>The reference image can't be read ({detail}).</source>
            <translation>无法读取参考图片（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="65" />
            <source>Check the library folder and the disk, then retry the download.</source>
            <translation>请检查视频库文件夹和磁盘，然后重新下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="54" />
            <source>Free some space, then retry the download.</source>
            <translation>请释放一些空间，然后重新下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="59" />
            <source>Fix the folder's permissions or choose another library folder, then retry.</source>
            <translation>请修正该文件夹的权限，或另选一个视频库文件夹，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="163" />
            <source>The app will resume it.</source>
            <translation>应用会继续下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="171" />
            <source>The download will start again from the beginning.</source>
            <translation>下载将从头重新开始。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="292" />
            <source>Try the download again later; if it keeps happening the video is broken on the server.</source>
            <translation>请稍后重新下载；如果反复出现，说明服务器上的视频已损坏。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="62" />
            <source>The video could not be written to disk{place}: {detail}.</source>
            <translation>视频无法写入磁盘{place}：{detail}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="122" />
            <source>The server sent a piece of the video that doesn't follow the part already downloaded.</source>
            <translation>服务器发来的视频片段与已下载的部分接不上。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="53" />
            <source>The disk is full{place}; the video could not be saved.</source>
            <translation>磁盘已满{place}，视频无法保存。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="58" />
            <source>The library folder is not writable{place}.</source>
            <translation>视频库文件夹不可写入{place}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="160" />
            <source>The download was cut short ({done} of {total} bytes).</source>
            <translation>下载中途中断（已下载 {done} / {total} 字节）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="168" />
            <source>The server sent more bytes than it announced ({done} of {total}).</source>
            <translation>服务器发送的字节数超过了它声明的大小（{done} / {total}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/download.py" line="291" />
            <source>The server sent a file that is not an MP4 video ({detail}).</source>
            <translation>服务器发来的文件不是 MP4 视频（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="250" />
            <source>Choose a folder you may write to.</source>
            <translation>请选择一个有写入权限的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="322" />
            <source>Close the program that uses it (a video player or editor) and export again.</source>
            <translation>请关闭正在使用它的程序（视频播放器或编辑器），然后重新导出。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="244" />
            <source>Free some space or choose another folder.</source>
            <translation>请释放一些空间，或另选一个文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="258" />
            <source>Choose an existing folder or create it.</source>
            <translation>请选择一个已存在的文件夹，或先创建它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="263" />
            <source>Choose a folder to export to.</source>
            <translation>请选择要导出到的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="284" />
            <source>Choose a folder with a shorter path.</source>
            <translation>请选择路径更短的文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="375" />
            <source>Download it again from the library if it has not expired.</source>
            <translation>如果尚未过期，请从视频库中重新下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="154" />
            <source>The file name template {template!r} can't be used: {why}.</source>
            <translation>无法使用文件名模板 {template!r}：{why}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="157" />
            <source>Use only these fields: {fields} ({{prompt:N}} keeps the first N characters of the prompt).</source>
            <translation>只能使用这些字段：{fields}（{{prompt:N}} 保留提示词的前 N 个字符）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="247" />
            <source>Can't write to the folder {folder} ({detail}).</source>
            <translation>无法写入文件夹 {folder}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="319" />
            <source>The clip {path} can't be read ({detail}); another program may be holding it open.</source>
            <translation>无法读取片段 {path}（{detail}）；可能有其他程序正在打开它。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="243" />
            <source>The disk holding {folder} is full; nothing was exported.</source>
            <translation>{folder} 所在的磁盘已满，未导出任何文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="257" />
            <source>The folder {folder} does not exist.</source>
            <translation>文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="262" />
            <source>{path} is a file, not a folder.</source>
            <translation>{path} 是文件，不是文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="267" />
            <source>The folder {folder} is read-only.</source>
            <translation>文件夹 {folder} 是只读的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="280" />
            <source>The path of the folder {folder} is too long: a clip's full path there would pass the {limit} characters Windows programs can open.</source>
            <translation>文件夹 {folder} 的路径太长：片段在其中的完整路径会超过 Windows 程序能打开的 {limit} 个字符。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="372" />
            <source>The video file of this job is not on disk ({detail}).</source>
            <translation>此任务的视频文件不在磁盘上（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="373" />
            <source>never downloaded</source>
            <translation>从未下载</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="190" />
            <source>there is no field {{{field}}}</source>
            <translation>没有 {{{field}}} 这个字段</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/export.py" line="182" />
            <source>{{prompt:{spec}}} needs a number</source>
            <translation>{{prompt:{spec}}} 需要一个数字</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="60" />
            <source>Pick a size like 720x1280.</source>
            <translation>请选择类似 720x1280 的尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="103" />
            <source>Pick a smaller image or save it at a lower resolution.</source>
            <translation>请选择更小的图片，或以更低的分辨率保存。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="174" />
            <source>Choose fit or crop.</source>
            <translation>请选择适应或裁剪。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="59" />
            <source>{size!r} is not a video size.</source>
            <translation>{size!r} 不是有效的视频尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="128" />
            <source>Pick a smaller image or scale it down first.</source>
            <translation>请选择更小的图片，或先将其缩小。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="141" />
            <source>Pick another image.</source>
            <translation>请选择其他图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="146" />
            <source>The image is {image_width}x{image_height}; the video is {width}x{height}. It will be fitted (black bars) or cropped to match.</source>
            <translation>图片为 {image_width}x{image_height}，视频为 {width}x{height}。图片将被适应（加黑边）或裁剪以匹配视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="219" />
            <source>Check that the app's data folder is writable and the disk has space.</source>
            <translation>请确认应用的数据文件夹可写入，且磁盘有剩余空间。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="93" />
            <source>{name!r} is not an image file.</source>
            <translation>{name!r} 不是图片文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="95" />
            <source>The image {name!r} is empty.</source>
            <translation>图片 {name!r} 是空的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="98" />
            <source>The image {name!r} is too large ({megabytes:.0f} MB; at most {limit} MB).</source>
            <translation>图片 {name!r} 太大（{megabytes:.0f} MB；最多 {limit} MB）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="173" />
            <source>Unknown image mode {mode!r}.</source>
            <translation>未知的图片处理方式 {mode!r}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="83" />
            <source>The image {name!r} no longer exists.</source>
            <translation>图片 {name!r} 已不存在。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="88" />
            <source>The image {name!r} can't be read ({detail}).</source>
            <translation>无法读取图片 {name!r}（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="125" />
            <source>The image {name!r} has too many pixels (at most {limit} megapixels).</source>
            <translation>图片 {name!r} 像素过多（最多 {limit} 百万像素）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="132" />
            <source>{name!r} is not an image this app can read; use JPEG, PNG or WebP.</source>
            <translation>本应用无法读取图片 {name!r}；请使用 JPEG、PNG 或 WebP。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="137" />
            <source>The image {name!r} can't be read (permission denied).</source>
            <translation>无法读取图片 {name!r}（权限不足）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="140" />
            <source>The image {name!r} is damaged or incomplete.</source>
            <translation>图片 {name!r} 已损坏或不完整。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="216" />
            <source>The converted image could not be saved ({detail}).</source>
            <translation>无法保存转换后的图片（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/images.py" line="112" />
            <source>{format} images are not supported ({name!r}); use JPEG, PNG or WebP.</source>
            <translation>不支持 {format} 格式的图片（{name!r}）；请使用 JPEG、PNG 或 WebP。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="41" />
            <source>The service blocked this prompt or image for its content rules.</source>
            <translation>服务依据其内容规则拦截了此提示词或图片。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="42" />
            <source>Rephrase the prompt: no real people, copyrighted characters or music, and content suitable for all ages.</source>
            <translation>请改写提示词：不要涉及真实人物、受版权保护的角色或音乐，内容须适合所有年龄段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="46" />
            <source>The service no longer keeps this video, so it can't be downloaded any more.</source>
            <translation>服务已不再保留此视频，因此无法再下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="47" />
            <source>The app never re-creates a paid job to recover a download; generate again only if you want a new clip.</source>
            <translation>应用绝不会为了找回下载而重新创建付费任务；只有在你想要一段新视频时才需重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="113" />
            <source>The service could not make this video.</source>
            <translation>服务未能生成此视频。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="116" />
            <source>Try again, or change the prompt or settings.</source>
            <translation>请重试，或修改提示词或参数。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="111" />
            <source>The service could not make this video: {detail}</source>
            <translation>服务未能生成此视频：{detail}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="132" />
            <source>This job is no longer in the library.</source>
            <translation>此任务已不在视频库中。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="212" />
            <source>The service has no record of this request, and it was sent too long ago to send it again safely.</source>
            <translation>服务没有此请求的记录，而且它发送的时间太久，无法安全地重新发送。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/jobrunner.py" line="216" />
            <source>Generate it again if you still want it.</source>
            <translation>如果仍然需要，请重新生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/migrations.py" line="159" />
            <source>Update Sora Desktop, or open another library folder with --data-dir.</source>
            <translation>请更新 Sora Desktop，或用 --data-dir 打开另一个视频库文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/migrations.py" line="155" />
            <source>The library was written by a newer version of Sora Desktop (schema {schema}; this version knows up to {known}).</source>
            <translation>此视频库由更新版本的 Sora Desktop 写入（数据结构版本 {schema}；当前版本最高支持 {known}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="61" />
            <source>Simulator (this computer)</source>
            <translation>模拟器（本机）</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="106" />
            <source>The Azure endpoint is empty.</source>
            <translation>Azure 终结点为空。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="107" />
            <source>Enter the resource name or the endpoint shown in the Azure portal.</source>
            <translation>请输入 Azure 门户中显示的资源名称或终结点。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="126" />
            <source>Enter the endpoint shown in the Azure portal, e.g. https://NAME.openai.azure.com.</source>
            <translation>请输入 Azure 门户中显示的终结点，例如 https://NAME.openai.azure.com。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="174" />
            <source>Use make_profile_id().</source>
            <translation>请使用 make_profile_id()。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="178" />
            <source>The profile has no name.</source>
            <translation>此连接没有名称。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="178" />
            <source>Give it a name.</source>
            <translation>请为它命名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="185" />
            <source>Enter the base URL, e.g. https://my-gateway.example.com/v1.</source>
            <translation>请输入基础 URL，例如 https://my-gateway.example.com/v1。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="191" />
            <source>Use letters, digits and underscores, e.g. OPENAI_API_KEY.</source>
            <translation>请使用字母、数字和下划线，例如 OPENAI_API_KEY。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="249" />
            <source>Export the profile again and import that file.</source>
            <translation>请重新导出该连接配置，再导入导出的文件。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="125" />
            <source>{text!r} is not a web address.</source>
            <translation>{text!r} 不是网址。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="173" />
            <source>{id!r} is not a valid profile id.</source>
            <translation>{id!r} 不是有效的连接 ID。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="190" />
            <source>{text!r} is not an environment variable name.</source>
            <translation>{text!r} 不是有效的环境变量名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="113" />
            <source>{text!r} is not an Azure resource name (letters, digits and hyphens).</source>
            <translation>{text!r} 不是 Azure 资源名称（只能包含字母、数字和连字符）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/profiles.py" line="248" />
            <source>This is not a Sora Desktop profile ({detail}).</source>
            <translation>这不是 Sora Desktop 的连接配置（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="36" />
            <source>Key from environment variable</source>
            <translation>从环境变量读取密钥</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="102" />
            <source>Put the key in an environment variable (for example OPENAI_API_KEY) and enter its name in the "{option}" option of the profile {profile!r}.</source>
            <translation>请把密钥放入环境变量（例如 OPENAI_API_KEY），并在连接 {profile!r} 的“{option}”选项中填写该变量名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="107" />
            <source>Put the key in an environment variable (for example OPENAI_API_KEY) and enter its name in the "{option}" option of the profile.</source>
            <translation>请把密钥放入环境变量（例如 OPENAI_API_KEY），并在该连接的“{option}”选项中填写该变量名。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/secrets.py" line="112" />
            <source>The OS keyring is not available, so the API key can't be stored or read there ({reason}).</source>
            <translation>系统钥匙串不可用，无法在其中保存或读取 API 密钥（{reason}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="58" />
            <source>Cancelled here. A render the service already started keeps running and may still be billed.</source>
            <translation>已在本机取消。服务端已开始的渲染会继续运行，仍可能产生费用。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="83" />
            <source>The job did not finish.</source>
            <translation>任务未能完成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="226" />
            <source>No API key is saved for this connection.</source>
            <translation>此连接没有保存 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="425" />
            <source>This job never reached the service, so it can't be remixed.</source>
            <translation>此任务从未送达服务，因此无法再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="426" />
            <source>Remix a finished video.</source>
            <translation>请对已完成的视频进行再创作。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="262" />
            <source>Fit or crop the image to the video size first.</source>
            <translation>请先将图片适应或裁剪到视频尺寸。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="219" />
            <source>No API key: the environment variable {name} is not set.</source>
            <translation>没有 API 密钥：环境变量 {name} 未设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="222" />
            <source>Set {name} to your API key and try again.</source>
            <translation>请将 {name} 设置为你的 API 密钥，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="227" />
            <source>Save it with: sora-desktop profile set-key {profile}</source>
            <translation>可用此命令保存：sora-desktop profile set-key {profile}</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="333" />
            <source>See the log.</source>
            <translation>详情请查看日志。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="259" />
            <source>The image is {width}x{height}; the video is {size}.</source>
            <translation>图片为 {width}x{height}，视频为 {size}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/service.py" line="332" />
            <source>Unexpected problem: {name}.</source>
            <translation>意外问题：{name}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="49" />
            <source>Check that the folder exists and that you may write to it, or choose another library folder with --data-dir.</source>
            <translation>请确认该文件夹存在且你有写入权限，或用 --data-dir 另选一个视频库文件夹。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="60" />
            <source>Sora Desktop can move it aside and start an empty library; your video files are not touched.</source>
            <translation>Sora Desktop 可以把它移到一旁并新建一个空的视频库；你的视频文件不会受影响。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="106" />
            <source>Close other copies of Sora Desktop and try again.</source>
            <translation>请关闭其他正在运行的 Sora Desktop，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="115" />
            <source>Free some space and try again.</source>
            <translation>请释放一些空间，然后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="57" />
            <source>The library database {path} is damaged and can't be read ({detail}).</source>
            <translation>视频库数据库 {path} 已损坏，无法读取（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="69" />
            <source>The library folder {folder} is read-only or locked, so the library can't be opened ({detail}).</source>
            <translation>视频库文件夹 {folder} 是只读的或已被锁定，无法打开视频库（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="118" />
            <source>The library database {path} failed: {detail}.</source>
            <translation>视频库数据库 {path} 出错：{detail}。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="103" />
            <source>The library database {path} is locked by another program ({detail}).</source>
            <translation>视频库数据库 {path} 被其他程序锁定（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/store.py" line="112" />
            <source>The disk holding the library {path} is full ({detail}).</source>
            <translation>视频库 {path} 所在的磁盘已满（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="116" />
            <source>The video could not be made.</source>
            <translation>视频未能生成。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="305" />
            <source>Check the key, or replace it in Connections.</source>
            <translation>请检查密钥，或在“连接”中更换。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="313" />
            <source>Ask the account owner to enable video generation for this key, or pick another model in Connections.</source>
            <translation>请让账户所有者为此密钥开通视频生成，或在“连接”中换一个模型。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="340" />
            <source>It may have been deleted or made with another connection.</source>
            <translation>它可能已被删除，或是用其他连接生成的。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="345" />
            <source>The app will retry by itself.</source>
            <translation>应用会自动重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="359" />
            <source>The app will retry by itself; try again later if it persists.</source>
            <translation>应用会自动重试；如果问题持续，请稍后再试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="367" />
            <source>Change the prompt or the image: no real people, no copyrighted characters or music, content suitable for all ages.</source>
            <translation>请修改提示词或图片：不要涉及真实人物，不要有受版权保护的角色或音乐，内容须适合所有年龄段。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="379" />
            <source>Check the settings.</source>
            <translation>请检查参数设置。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="324" />
            <source>Check the deployment name in Connections; a new Azure deployment can take minutes to hours before it answers.</source>
            <translation>请在“连接”中检查部署名称；新建的 Azure 部署可能需要几分钟到几小时才能响应。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="335" />
            <source>Generate it again; download promptly next time.</source>
            <translation>请重新生成；下次请及时下载。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="376" />
            <source>The server refused the request ({detail}).</source>
            <translation>服务器拒绝了请求（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="304" />
            <source>The API key was refused ({detail}).</source>
            <translation>API 密钥被拒绝（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="310" />
            <source>Access to this model or deployment is not granted ({detail}).</source>
            <translation>没有访问此模型或部署的权限（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="339" />
            <source>The server doesn't know this video ({detail}).</source>
            <translation>服务器上没有这个视频（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="347" />
            <source>The app will retry by itself. Wait about {seconds:.0f} s.</source>
            <translation>应用会自动重试。请等待约 {seconds:.0f} 秒。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="351" />
            <source>Too many requests ({detail}).</source>
            <translation>请求过多（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="358" />
            <source>The video service is unavailable right now ({detail}).</source>
            <translation>视频服务暂时不可用（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="366" />
            <source>The request was blocked by the content rules ({detail}).</source>
            <translation>请求被内容规则拦截（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="377" />
            <source>Change the field '{param}' and try again.</source>
            <translation>请修改字段 '{param}' 后重试。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="323" />
            <source>The deployment was not found ({detail}).</source>
            <translation>找不到该部署（{detail}）。</translation>
        </message>
        <message>
            <location filename="../../sora_desktop/core/wire.py" line="332" />
            <source>The video's files have expired on the server ({detail}).</source>
            <translation>服务器上此视频的文件已过期（{detail}）。</translation>
        </message>
    </context>
</TS>
